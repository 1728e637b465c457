"""`make bench`: the public pages at 1x, 10x and 100x the seeds' size, served as in production,
the same pages and the staff's pages signed in (a network admin with two-step verification), and
two baselines (nginx serving a static file, a bare Django view through the full middleware stack,
anonymous and signed in), interleaved in one run; then the site search at 1k, 10k and 100k
case studies on SQLite and PostgreSQL
(bench/search_bench.py; `--search-only` runs just that, `--no-search` skips it).

For each scale: a fresh SQLite file in a temporary directory, `migrate`, `generate_synthetic`,
the SQL queries each page costs (Django's test client in-process, a warm request), then gunicorn
on a free loopback port under 20 concurrent clients. Writes bench/results/<scale>x.json and
bench/results/summary.md, and prints the summary. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from baselines import STATIC_PATH, Nginx, ensure_nginx
from inspect_pages import endpoints_with
from loadtest import Gunicorn, Server, ServerError, measure, probe, wait_for_quiet
from postgres import PostgresError
from report import render_summary
from search_bench import SearchBenchError, add_arguments, run_search

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
Result = dict[str, Any]
Endpoint = dict[str, Any]  # name, paths, group (baseline, public, signed_in), cookie, server
PAGES_SETTINGS = "bench.settings_pages"  # config.settings.local with bench/urls.py
BARE = ("bare", ["/bench/bare/"])
NGINX_STATIC = "nginx_static"
NOT_MODIFIED = "home_not_modified"  # home asked again with its ETag: 304 without rendering
# CPU time is counted in ticks of 10 ms: nginx gets this many times the requests of a page.
NGINX_FACTOR = 10


class BenchError(Exception):
    """The benchmark could not run."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="coopnet benchmarks at several scales")
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured requests first")
    parser.add_argument("--baseline", type=int, default=30, help="requests from one client")
    parser.add_argument("--time-cap", type=float, default=60.0, help="seconds per endpoint")
    parser.add_argument("--seed", type=int, default=2012, help="synthetic data seed")
    parser.add_argument(
        "--endpoints",
        nargs="+",
        default=None,
        help="measure only these endpoints (e.g. events_list event events_feed)",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=60.0,
        help="before each endpoint, wait up to this many seconds for other work to calm down",
    )
    parser.add_argument(
        "--newsletter-recipients",
        type=int,
        default=50_000,
        help="recipients of the newsletter send benchmarked (0: skip it)",
    )
    parser.add_argument(
        "--newsletter-only", action="store_true", help="only the newsletter send benchmark"
    )
    parser.add_argument(
        "--migrated-db",
        type=Path,
        default=None,
        help="copy this freshly migrated, empty SQLite file instead of migrating for each run",
    )
    add_arguments(parser)
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- child processes ---------------------------------------------------------------------------


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        LOG_LEVEL="ERROR",
        PYTHONUNBUFFERED="1",
    )
    return env


def pages_env(env: dict[str, str]) -> dict[str, str]:
    """The pages benchmark's environment: the bench's URLs (the bare view) on the settings
    collectstatic worked with, and two-step verification for staff on every page, as in
    production. The API's rate limits (per address, in the shared cache: 120 a minute) are
    raised, as the soak raises them: the bench measures the servers, not the limits. The
    newsletter and search benchmarks keep `env` as it is."""
    module = env["DJANGO_SETTINGS_MODULE"]
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": PAGES_SETTINGS if module == "config.settings.local" else module,
        "REQUIRE_STAFF_TWO_STEP": "True",
        "API_RATE_ANON": "1000000/min",
        "API_RATE_USER": "1000000/min",
    }


def run_python(env: dict[str, str], *args: str) -> str:
    """Run the project's Python with the bench environment; its output, or BenchError."""
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BenchError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def manage(env: dict[str, str], *args: str) -> str:
    return run_python(env, "manage.py", *args)


def prepare_static(env: dict[str, str], static_root: Path) -> tuple[dict[str, str], str]:
    """collectstatic for whitenoise; if the manifest cannot be built, a fallback without one.

    Under DEBUG=False the manifest storage raises on every page when the manifest is missing,
    so a broken front-end build would turn every request into a 500.
    """
    try:
        manage(env, "collectstatic", "--no-input", "-v", "0")
    except BenchError as exc:
        errors = [line for line in str(exc).splitlines() if "Error:" in line]
        reason = (errors[-1] if errors else str(exc).strip().splitlines()[-1]).split(" with <")[0]
        say(f"WARNING: collectstatic failed ({reason}); static files stored without a manifest")
        fallback = {
            **env,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "BENCH_STATIC_ROOT": str(static_root),
        }
        manage(fallback, "collectstatic", "--no-input", "-v", "0")
        return fallback, reason
    return env, ""


def inspect_database(env: dict[str, str]) -> Result:
    """Slugs to request, dataset sizes and SQL queries per page (bench/inspect_pages.py)."""
    out = run_python(env, str(ROOT / "bench" / "inspect_pages.py"))
    result: Result = json.loads(out.strip().splitlines()[-1])
    return result


# --- one scale ---------------------------------------------------------------------------------


def fresh_database(env: dict[str, str], path: Path, args: argparse.Namespace) -> None:
    """Migrate a new database at `path`, or copy the migrated empty one given (--migrated-db)."""
    if args.migrated_db:
        shutil.copyfile(args.migrated_db, path)
    else:
        manage(env, "migrate", "--no-input", "-v", "0")
    # The shared cache lives in the database (as `make run` sets it up): staff pages read it.
    manage(env, "createcachetable")


def generate(env: dict[str, str], scale: float, seed: int) -> float:
    began = time.perf_counter()
    say(manage(env, "generate_synthetic", "--scale", f"{scale:g}", "--seed", str(seed)).strip())
    say(
        manage(
            env, "generate_synthetic_events", "--scale", f"{scale:g}", "--seed", str(seed)
        ).strip()
    )
    return round(time.perf_counter() - began, 1)


def prepare_signed_in(env: dict[str, str], scale: float, seed: int) -> Result:
    """The staff user, its verified session and the data its pages need (bench/signed_in.py)."""
    out = run_python(env, str(ROOT / "bench" / "signed_in.py"), f"{scale:g}", str(seed))
    result: Result = json.loads(out.strip().splitlines()[-1])
    return result


def plan_endpoints(
    inspection: Result, signed: Result, nginx_skipped: str, only: list[str] | None
) -> list[Endpoint]:
    """Every endpoint in the order measured: the baselines first, then each public page followed
    by the same page signed in, then the staff's own pages. Skipped ones keep their reason."""
    public = endpoints_with(inspection["slugs"], inspection.get("event_slugs", []))
    staff = dict(signed["endpoints"])
    cookie = signed["cookie"]
    plan: list[Endpoint] = [
        {"name": NGINX_STATIC, "paths": [STATIC_PATH], "group": "baseline", "server": "nginx"},
        {"name": BARE[0], "paths": BARE[1], "group": "baseline"},
    ]
    if "bare_signed_in" in staff:
        plan.append(
            {"name": "bare_signed_in", "paths": staff.pop("bare_signed_in"), "group": "baseline"}
        )
        plan[-1]["cookie"] = cookie
    for name, paths in public:
        plan.append({"name": name, "paths": paths, "group": "public"})
        if name == "home":  # a browser or front cache asking again for the page it has
            plan.append({"name": NOT_MODIFIED, "paths": paths, "group": "public"})
            plan[-1]["conditional"] = True
        twin = f"{name}_signed_in"
        if twin in staff:
            plan.append({"name": twin, "paths": staff.pop(twin), "group": "signed_in"})
            plan[-1]["cookie"] = cookie
    plan += [
        {"name": name, "paths": paths, "group": "signed_in", "cookie": cookie}
        for name, paths in staff.items()
    ]
    skipped = {**signed["skipped"], **({NGINX_STATIC: nginx_skipped} if nginx_skipped else {})}
    for endpoint in plan:
        if endpoint["name"] in skipped:
            endpoint["skipped"] = skipped[endpoint["name"]]
    plan += [
        {"name": name, "paths": [], "group": "signed_in", "skipped": reason}
        for name, reason in signed["skipped"].items()
        if name not in {e["name"] for e in plan}
    ]
    return [e for e in plan if not only or e["name"] in only]


def check_endpoints(servers: dict[str, Server], plan: list[Endpoint]) -> None:
    """Before measuring: every signed-in page answers 200 with the session (not a redirect to
    sign in or to set up two-step verification), and which public pages are remembered."""
    for endpoint in plan:
        if endpoint.get("skipped"):
            continue
        server = servers[endpoint.get("server", "gunicorn")]
        cookie = endpoint.get("cookie", "")
        statuses, remembered = [], []
        if endpoint.get("conditional"):
            _status, headers = probe(server.port, endpoint["paths"][0])
            endpoint["etag"] = headers.get("etag", "")
            if not endpoint["etag"]:
                raise BenchError(f"{endpoint['name']}: the page carries no ETag to ask again with")
        for path in endpoint["paths"][:4]:
            probe(server.port, path, cookie)  # the first request may fill the page cache
            status, headers = probe(server.port, path, cookie, endpoint.get("etag", ""))
            if endpoint.get("conditional") and status != "304":
                raise BenchError(
                    f"{endpoint['name']}: {path} answered {status} to If-None-Match with its "
                    "own ETag (expected 304 Not Modified)"
                )
            statuses.append(status)
            remembered.append("public" in headers.get("cache-control", ""))
            if cookie and status != "200":
                where = headers.get("location", "")
                raise BenchError(
                    f"{endpoint['name']}: {path} answered {status} {where} with the staff "
                    "session (expected 200): a signed-in page must not redirect to sign in or to "
                    "two-step set-up"
                )
        endpoint["check_statuses"] = statuses
        endpoint["remembered"] = all(remembered)


def load_endpoints(
    servers: dict[str, Server], plan: list[Endpoint], args: argparse.Namespace
) -> list[Result]:
    results = []
    for endpoint in plan:
        name, paths = endpoint["name"], endpoint["paths"]
        info = {"group": endpoint["group"], "server": endpoint.get("server", "gunicorn")}
        info["signed_in"] = bool(endpoint.get("cookie"))
        if endpoint.get("skipped"):
            results.append({"endpoint": name, **info, "skipped": endpoint["skipped"]})
            results[-1].update(paths=[], requests=0, errors=0)
            say(f"  {name}: skipped ({endpoint['skipped']})")
            continue
        if not paths:
            results.append({"endpoint": name, **info, "paths": [], "requests": 0, "errors": 1})
            say(f"  {name}: no page to request")
            continue
        busy = wait_for_quiet(args.quiet_wait) if args.quiet_wait else None
        server, load = servers[info["server"]], args
        if info["server"] == "nginx":  # ~0.05 ms a request: 10x the requests to see its CPU
            load = argparse.Namespace(**{**vars(args), "requests": args.requests * NGINX_FACTOR})
        result = measure(
            server, name, paths, load, endpoint.get("cookie", ""), endpoint.get("etag", "")
        )
        result.update(info, remembered=endpoint.get("remembered"))
        result["check_statuses"] = endpoint.get("check_statuses")
        result["machine_busy_before_percent"] = busy
        results.append(result)
        say(
            f"  {name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"p99 {result['p99_ms']} ms, "
            f"{result['rps']} req/s, {result['errors']} errors {result['statuses']}; "
            f"{result['server_cpu_ms_per_request']} ms server CPU per request; "
            f"other processes used {result['other_cpu_percent']}% of the CPU"
        )
    return results


def bench_scale(
    scale: float, args: argparse.Namespace, base: dict[str, str], nginx_skipped: str
) -> Result:
    label = f"{scale:g}x"
    with tempfile.TemporaryDirectory(prefix=f"coopnet-bench-{label}-") as tmp:
        env = {**base, "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3"}
        say(f"[{label}] a fresh database in {tmp}")
        fresh_database(env, Path(tmp) / "db.sqlite3", args)
        generation_seconds = generate(env, scale, args.seed)
        say(f"[{label}] the staff user, its session, and the data its pages show")
        began = time.perf_counter()
        signed = prepare_signed_in(env, scale, args.seed)
        preparation_seconds = round(time.perf_counter() - began, 1)
        say(f"[{label}] prepared in {preparation_seconds} s: {signed['created']}")
        say(f"[{label}] counting SQL queries per page")
        inspection = inspect_database(env)
        plan = plan_endpoints(inspection, signed, nginx_skipped, args.endpoints)
        say(f"[{label}] gunicorn, {args.workers} workers; {args.concurrency} concurrent clients")
        with ExitStack() as stack:
            server = stack.enter_context(Gunicorn(env, args.workers, Path(tmp) / "gunicorn.log"))
            servers: dict[str, Server] = {"gunicorn": server}
            if any(e.get("server") == "nginx" and not e.get("skipped") for e in plan):
                servers["nginx"] = stack.enter_context(Nginx())
            check_endpoints(servers, plan)
            results = load_endpoints(servers, plan, args)
            log_tail = server.log_tail() if any(r["errors"] for r in results) else ""
    queries = {**inspection["queries"], **signed["queries"]}
    for result in results:
        found = queries.get(result["endpoint"])
        if found is None:
            continue
        result["queries"] = found["max"]
        result["statuses_in_process"] = found["statuses"]
        result["queries_per_path"] = found["per_path"]
    return {
        "scale": scale,
        "label": label,
        "run_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "code": code_version(),
        "dataset": inspection["dataset"],
        "generation_seconds": generation_seconds,
        "signed_in_preparation_seconds": preparation_seconds,
        "signed_in_data": signed["created"],
        "signed_in_user": signed["user"],
        "skipped": {r["endpoint"]: r["skipped"] for r in results if r.get("skipped")},
        "endpoints": results,
        "server_log_tail": log_tail,
    }


def code_version() -> dict[str, Any]:
    """The commit measured, and whether the working tree had uncommitted changes (read-only git)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain")),
    }


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "django": version("django"),
        "gunicorn": version("gunicorn"),
    }


def settings_used(args: argparse.Namespace, env: dict[str, str], static_problem: str) -> Result:
    return {
        "django_settings": f"{env['DJANGO_SETTINGS_MODULE']} (DEBUG=False)",
        "require_staff_two_step": env.get("REQUIRE_STAFF_TWO_STEP") == "True",
        "static_problem": static_problem,
        "database": "SQLite file (WAL)",
        "workers": args.workers,
        "worker_class": "sync",
        "concurrency": args.concurrency,
        "requests_per_endpoint": args.requests,
        "warmup_requests": args.warmup,
        "single_client_requests": args.baseline,
        "time_cap_seconds": args.time_cap,
        "seed": args.seed,
        "quiet_wait_seconds": args.quiet_wait,
    }


# --- main --------------------------------------------------------------------------------------


def run_newsletter(args: argparse.Namespace, base: dict[str, str]) -> Result:
    """A newsletter send to N subscribers as a background job (bench/newsletter_bench.py)."""
    n = args.newsletter_recipients
    with tempfile.TemporaryDirectory(prefix="coopnet-bench-newsletter-") as tmp:
        env = {**base, "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3"}
        say(f"[newsletter] a fresh database in {tmp}; sending to {n} subscribers")
        fresh_database(env, Path(tmp) / "db.sqlite3", args)
        out = run_python(env, str(ROOT / "bench" / "newsletter_bench.py"), "--recipients", str(n))
    result: Result = json.loads(out.strip().splitlines()[-1])
    result.update(run_at=datetime.now(UTC).isoformat(timespec="seconds"), code=code_version())
    (RESULTS / "newsletter.json").write_text(json.dumps(result, indent=2) + "\n")
    say(
        f"[newsletter] request {result['send_request_ms']} ms ({result['send_request_queries']} "
        f"queries); task {result['task_seconds']} s, {result['queries_per_batch']} queries per "
        f"batch, peak memory {result['peak_rss_mb']} MB (before the task "
        f"{result['rss_before_task_mb']} MB); sent {result['sent']}"
    )
    return result


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through `with Gunicorn(...)`, which stops it


def run_scales(args: argparse.Namespace, env: dict[str, str], static_problem: str) -> list[Result]:
    nginx_skipped = ""
    if not args.endpoints or NGINX_STATIC in args.endpoints:
        nginx_skipped = ensure_nginx()
        if nginx_skipped:
            say(f"WARNING: no nginx baseline: {nginx_skipped}")
    env = pages_env(env)
    runs = []
    for scale in args.scales:
        run = bench_scale(scale, args, env, nginx_skipped)
        run["settings"] = settings_used(args, env, static_problem)
        (RESULTS / f"{run['label']}.json").write_text(json.dumps(run, indent=2) + "\n")
        runs.append(run)
    return runs


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    RESULTS.mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="coopnet-bench-static-"))
    try:
        say("collecting static files (served by whitenoise)")
        env, static_problem = prepare_static(base_env(), static_root)
        if args.newsletter_recipients and not args.search_only:
            run_newsletter(args, env)
        if args.newsletter_only:
            return 0
        if not args.search_only:
            runs = run_scales(args, env, static_problem)
            summary = render_summary(runs, args)
            (RESULTS / "summary.md").write_text(summary)
            print(summary)
        if not args.no_search:
            run_search(args, env)
            print((RESULTS / "search-summary.md").read_text())
    except (BenchError, ServerError, SearchBenchError, PostgresError) as exc:
        say(f"bench failed: {exc}")
        return 1
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
