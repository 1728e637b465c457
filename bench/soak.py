"""The soak: mixed traffic for ten minutes under 20 concurrent clients, reads and writes, served
as in production (gunicorn, 4 sync workers, the task worker beside it), at 1x.

Each client picks, by weight, one of: a public page (home, directory, an organisation, search,
events, an event, the open API), a signed-in page (dashboard, directory, an organisation, with a
session it signed in for), the API with a token (invoices, applications), or a write: a member
of the public asking for a place at an event (the form's CSRF token read from the page, a new
address each time; the worker then sends the confirmation). Passes when no answer is a server
error (5xx or a dropped connection) and no worker's memory grows by more than
`--max-growth-mb`. Writes bench/results/soak.json. `make soak` runs it alone; `make bench` runs
it after the other benchmarks.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from loadtest import HOST, Gunicorn, children, percentile
from run import RESULTS, BenchError, base_env, generate, manage, prepare_static, say

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "soak-password-that-is-long-enough"
PREPARE = (
    """
import json
from django.utils import timezone
from coopnet.accounts import services
from coopnet.accounts.api_scopes import SCOPES
from coopnet.accounts.models import User
from django.contrib.auth.models import Group
from coopnet.accounts.roles import UserRole
from coopnet.events.models import Event
from coopnet.members.models import Organisation
user = User.objects.create_user("soak@example.org", "PASSWORD", full_name="Soak Admin")
user.groups.add(Group.objects.get(name=UserRole.NETWORK_ADMIN))
_token, key = services.api_token_create(user=user, name="Soak", scopes=list(SCOPES))
upcoming = Event.objects.filter(
    status=Event.Status.PUBLISHED, registration_open=True, starts_at__gt=timezone.now()
).order_by("starts_at")
# Open twenty upcoming events to the public, so that visitors can ask for places.
Event.objects.filter(pk__in=list(upcoming.values_list("pk", flat=True)[:20])).update(
    public_registration=True
)
events = upcoming.filter(public_registration=True).values_list("slug", flat=True)
orgs = Organisation.objects.filter(is_public=True).values_list("slug", flat=True)[:50]
print(json.dumps({"token": key, "events": list(events), "orgs": list(orgs)}))
"""
).replace("PASSWORD", PASSWORD)
COUNT = (
    "from coopnet.events.models import Registration;"
    "print(Registration.objects.filter(email__startswith='soak-').count())"
)
WORDS = ["council", "energy", "housing", "food", "care", "youth", "climate", "co-operative"]


class Client:
    """One simulated person: a cookie jar and a way to make requests."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, SimpleCookie()

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None, **headers: str
    ) -> tuple[str, str]:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers.setdefault("Accept", "text/html,application/json")
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for value in response.headers.get_all("Set-Cookie") or []:
                self.cookies.load(value)
            return str(response.status), text
        except (OSError, http.client.HTTPException) as exc:
            return type(exc).__name__, ""
        finally:
            connection.close()

    def csrf(self, path: str) -> str:
        _status, page = self.request("GET", path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return found.group(1) if found else ""

    def sign_in(self) -> str:
        token = self.csrf("/accounts/login/")
        status, _page = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": "soak@example.org", "password": PASSWORD},
        )
        return status


def worker_memory_mb(master: int) -> dict[int, float]:
    found = {}
    for pid in children(master):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[pid] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return found


def traffic(data: dict[str, Any], rng: random.Random) -> list[tuple[int, str, Any]]:
    orgs, events = data["orgs"] or [""], data["events"]
    return [
        (30, "public", lambda: f"/members/{rng.choice(orgs)}/"),
        (10, "public", lambda: "/"),
        (10, "public", lambda: "/members/"),
        (10, "public", lambda: f"/search/?q={rng.choice(WORDS)}"),
        (5, "public", lambda: "/events/"),
        (5, "public", lambda: f"/events/{rng.choice(events)}/" if events else "/events/"),
        (5, "public", lambda: "/api/v1/organisations/"),
        (10, "session", lambda: rng.choice(["/dashboard/", "/members/", f"/members/{orgs[0]}/"])),
        (5, "token", lambda: rng.choice(["/api/v1/finance/invoices/", "/api/v1/applications/"])),
        (5, "write", lambda: rng.choice(events) if events else ""),
    ]


def run_client(n: int, port: int, data: dict[str, Any], deadline: float, out: dict) -> None:
    rng = random.Random(n)
    choices = traffic(data, rng)
    weights = [w for w, _k, _p in choices]
    anonymous, member = Client(port), Client(port)
    signed_in = member.sign_in() == "302"
    count = 0
    while time.monotonic() < deadline:
        _w, kind, make = rng.choices(choices, weights)[0]
        began = time.perf_counter()
        if kind == "session":  # a client that could not sign in fails the soak
            status = member.request("GET", make())[0] if signed_in else "NotSignedIn"
        elif kind == "token":
            status, _ = anonymous.request("GET", make(), Authorization=f"Bearer {data['token']}")
        elif kind == "write" and make():
            slug, count = make(), count + 1
            token = anonymous.csrf(f"/events/{slug}/")
            form = {"csrfmiddlewaretoken": token, "name": "Soak Visitor"}
            form["email"] = f"soak-{n}-{count}@example.org"
            status, _ = anonymous.request("POST", f"/events/{slug}/register/", form)
        else:
            status, _ = anonymous.request("GET", make() if kind == "public" else "/")
        with out["lock"]:
            out["statuses"][f"{kind} {status}"] += 1
            out["latencies"].append((time.perf_counter() - began) * 1000)


def soak(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="coopnet-soak-") as tmp:
        env = {
            **base_env(),
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
            "EMAIL_URL": "dummymail://",
            # The soak measures the servers, not the rate limits.
            "API_RATE_ANON": "1000000/min",
            "API_RATE_USER": "1000000/min",
        }
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "createcachetable")
        generate(env, 1, args.seed)
        env, _problem = prepare_static(env, Path(tmp) / "static")
        data = json.loads(manage(env, "shell", "-c", PREPARE).strip().splitlines()[-1])
        log = Path(tmp) / "gunicorn.log"
        task_worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker"], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            with Gunicorn(env, args.workers, log) as server:
                result = drive(server, data, args, log)
            counted = manage(env, "shell", "-c", COUNT).strip().splitlines()[-1]
            result["registrations_recorded"] = int(counted)
            return result
        finally:
            task_worker.terminate()
            task_worker.wait(timeout=30)


def drive(server: Gunicorn, data: dict[str, Any], args: argparse.Namespace, log: Path) -> dict:
    out: dict[str, Any] = {"lock": threading.Lock(), "statuses": Counter(), "latencies": []}
    say(f"soak: {args.minutes:g} minutes, {args.concurrency} clients, {args.workers} workers")
    deadline = time.monotonic() + args.minutes * 60
    threads = [
        threading.Thread(target=run_client, args=(n, server.port, data, deadline, out))
        for n in range(args.concurrency)
    ]
    start_memory = {}
    for thread in threads:
        thread.start()
    time.sleep(min(30.0, args.minutes * 6))  # memory after warm-up: imports and caches loaded
    start_memory = worker_memory_mb(server.pid)
    for thread in threads:
        thread.join()
    end_memory = worker_memory_mb(server.pid)
    statuses: Counter[str] = out["statuses"]
    server_errors = {
        k: v for k, v in statuses.items() if not k.split()[-1].isdigit() or k.split()[-1] >= "500"
    }
    growth = [end_memory[p] - start_memory[p] for p in end_memory if p in start_memory]
    latencies = out["latencies"]
    return {
        "minutes": args.minutes,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "requests": sum(statuses.values()),
        "statuses": dict(sorted(statuses.items())),
        "server_errors": server_errors,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "worker_rss_mb_after_warmup": sorted(round(v, 1) for v in start_memory.values()),
        "worker_rss_mb_at_end": sorted(round(v, 1) for v in end_memory.values()),
        "worker_growth_mb_max": round(max(growth), 1) if growth else None,
        "workers_replaced": len(set(end_memory) - set(start_memory)),
        "max_growth_mb": args.max_growth_mb,
        "server_log_tail": server.log_tail(10) if server_errors else "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--max-growth-mb", type=float, default=50.0)
    parser.add_argument("--seed", type=int, default=2012)
    args = parser.parse_args(argv)
    try:
        result = soak(args)
    except BenchError as exc:
        say(str(exc))
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "soak.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "server_log_tail"}, indent=2))
    growth = result["worker_growth_mb_max"]
    writes = sum(v for k, v in result["statuses"].items() if k.startswith("write "))
    failed = (
        bool(result["server_errors"])
        or (growth is not None and growth > args.max_growth_mb)
        or result["registrations_recorded"] != writes  # every write answered 200 was kept
    )
    say("soak: FAILED" if failed else "soak: passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
