"""An installation as production runs it: N gunicorn servers and N task workers, one PostgreSQL.

`Cluster` starts the processes against the test database (the one pytest-django made) with
production settings (`config.settings.scale_out`), waits until every server's `/health/` says the
database, the shared cache and the task queue are well, and always stops them again. Their output
goes to log files whose tails `Cluster.logs()` returns, for a failing assertion to show.

`Browser` is one person's browser: a cookie jar shared by every server (cookies are per host, not
per port, as in a real browser behind one address), CSRF tokens read from the pages, redirects
followed, and every answer's status recorded so that a test can say "no 5xx anywhere".
Requests claim to have come through a TLS-terminating proxy (`X-Forwarded-Proto: https`), as
production's `SECURE_PROXY_SSL_HEADER` expects, so HTTPS redirects, secure cookies and CSRF's
origin check stay on.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from html import unescape
from http.cookies import SimpleCookie
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[4]
HOST = "127.0.0.1"
SETTINGS = "config.settings.scale_out"
STARTUP_SECONDS = 120.0
# The shared cache's table under production settings (config/settings/base.py, CACHES).
CACHE_TABLE = "coopnet_cache"


class ClusterError(AssertionError):
    """A process did not start, or stopped."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def database_url(db: dict[str, Any]) -> str:
    """`DATABASE_URL` for the database Django is connected to (the test database)."""
    user = quote(str(db.get("USER") or ""), safe="")
    password = quote(str(db.get("PASSWORD") or ""), safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(str(db['NAME']), safe='')}"


@dataclass
class Process:
    name: str
    command: list[str]
    log: Path
    popen: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str]) -> None:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
            )

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self) -> None:
        """SIGTERM (gunicorn stops its workers, the task worker finishes its task); SIGKILL to
        the whole process group if it does not go."""
        if self.popen is None:
            return
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)  # anything it left behind
        self.popen.wait(timeout=10)

    def tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        text = self.log.read_text(errors="replace").splitlines()[-lines:]
        return f"--- {self.name} ({self.log.name}) ---\n" + "\n".join(text)


@dataclass
class Server:
    port: int
    process: Process

    @property
    def origin(self) -> str:
        return f"https://{HOST}:{self.port}"


@dataclass
class Cluster:
    """`servers` gunicorn masters (each with `web_workers` sync workers) and `task_workers`
    `manage.py worker` processes, all on the database in `db`."""

    db: dict[str, Any]
    directory: Path
    servers_wanted: int = 2
    web_workers: int = 2
    task_workers: int = 2
    servers: list[Server] = field(default_factory=list)
    workers: list[Process] = field(default_factory=list)

    @property
    def mail_dir(self) -> Path:
        return self.directory / "mail"

    @property
    def worker_ids(self) -> list[str]:
        return [f"scale-out-worker-{n}" for n in range(1, self.task_workers + 1)]

    def environment(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
            and not k.startswith(("SENTRY_", "AWS_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=database_url(self.db),
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS=HOST,
            SITE_URL=f"https://{HOST}",
            # Every message either worker sends is written to a file in one shared directory.
            # (django-environ drops the first slash of the path: four for an absolute one.)
            EMAIL_URL=f"filemail:///{self.mail_dir.resolve()}",
            MEDIA_ROOT=str(self.directory / "media"),
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        return env

    def __enter__(self) -> Cluster:
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        env = self.environment()
        # The shared cache's table, as docs/deployment.md says (the test settings use none).
        done = subprocess.run(
            [sys.executable, "manage.py", "createcachetable"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise ClusterError(f"createcachetable failed:\n{done.stdout}\n{done.stderr}")
        try:
            for worker_id in self.worker_ids:
                worker = Process(
                    worker_id,
                    [
                        *(sys.executable, "manage.py", "worker", "--worker-id", worker_id),
                        *("--interval", "0.1", "--no-startup-delay"),
                    ],
                    self.directory / f"{worker_id}.log",
                )
                worker.start(env)
                self.workers.append(worker)
            for n in range(1, self.servers_wanted + 1):
                port = free_port()
                process = Process(
                    f"gunicorn-{n} on :{port}",
                    [
                        *(sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"),
                        *("config.wsgi", "--bind", f"{HOST}:{port}"),
                        *("--workers", str(self.web_workers), "--timeout", "60"),
                    ],
                    self.directory / f"gunicorn-{n}.log",
                )
                process.start(env)
                self.servers.append(Server(port, process))
            self.wait_until_well()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        for process in [*(s.process for s in self.servers), *self.workers]:
            process.stop()

    def wait_until_well(self) -> None:
        """Every server answers `/health/` with 200 and counts every task worker running."""
        deadline = time.monotonic() + STARTUP_SECONDS
        waiting = list(self.servers)
        last = ""
        while waiting and time.monotonic() < deadline:
            self.check_running()
            server = waiting[0]
            try:
                status, _headers, body = request(server, "GET", "/health/")
            except OSError as exc:
                last = f"{server.process.name}: {exc}"
                time.sleep(0.25)
                continue
            last = f"{server.process.name}: {status} {body[:500]}"
            try:
                queue = json.loads(body)["checks"]["task_queue"]
            except (ValueError, KeyError):
                queue = {}
            if status == 200 and queue.get("workers_running") == self.task_workers:
                waiting.pop(0)
            else:
                time.sleep(0.25)
        if waiting:
            raise ClusterError(f"not well after {STARTUP_SECONDS:.0f} s: {last}\n{self.logs()}")

    def check_running(self) -> None:
        stopped = [
            p.name for p in [*(s.process for s in self.servers), *self.workers] if not p.running()
        ]
        if stopped:
            raise ClusterError(f"stopped: {', '.join(stopped)}\n{self.logs()}")

    def logs(self) -> str:
        return "\n".join(p.tail() for p in [*(s.process for s in self.servers), *self.workers])

    def sent_mail(self) -> list[email.message.Message]:
        """Every message the processes have sent (the file backend writes each connection's
        messages to a file, separated by a line of 79 dashes)."""
        return [
            email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
            for path in sorted(self.mail_dir.glob("*.log"))
            for chunk in re.split(rb"\n-{79}\n", path.read_bytes())
            if chunk.strip()
        ]


# --- HTTP ------------------------------------------------------------------------------------


def request(
    server: Server, method: str, path: str, body: bytes | None = None, headers: dict | None = None
) -> tuple[int, http.client.HTTPMessage, str]:
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
    try:
        connection.request(
            method,
            path,
            body=body,
            headers={"X-Forwarded-Proto": "https", "Accept": "text/html", **(headers or {})},
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode(errors="replace")
    finally:
        connection.close()


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Page:
    status: int
    path: str
    text: str
    chain: list[tuple[str, str, int]]  # (method, path, status) of every hop

    def says(self, words: str) -> bool:
        return words in unescape(self.text)

    def csrf(self) -> str:
        found = CSRF.search(self.text)
        assert found, f"no CSRF token on {self.path} ({self.status})"
        return found.group(1)

    def hidden(self, name: str) -> str:
        found = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', self.text)
        assert found, f"no field {name} on {self.path}"
        value = re.search(r'value="([^"]*)"', found.group(0))
        return unescape(value.group(1)) if value else ""


class Browser:
    """One person's browser. Thread-safe enough for one request at a time per browser, or
    several at once when the test means them to race (the jar is locked)."""

    def __init__(self, name: str, journal: list[tuple[str, str, str, int]]) -> None:
        self.name = name
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()
        self.journal = journal  # (browser, method, "server path", status) of every answer

    def twin(self) -> Browser:
        """Another window of this browser, signed in as it is, that keeps its own cookies from
        now on: so that the message Django keeps in a cookie for the page after a form reaches
        the window that sent the form, when several send at once."""
        other = Browser(self.name, self.journal)
        with self.lock:
            other.cookies = dict(self.cookies)
        return other

    def _cookie_header(self) -> str:
        with self.lock:
            return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _remember(self, headers: http.client.HTTPMessage) -> None:
        with self.lock:
            for value in headers.get_all("Set-Cookie") or []:
                jar: SimpleCookie = SimpleCookie()
                jar.load(value)
                for key, morsel in jar.items():
                    if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value

    def open(
        self,
        server: Server,
        path: str,
        data: dict[str, Any] | Sequence[tuple[str, Any]] | None = None,
    ) -> Page:
        """GET `path`, or POST `data` as a form; follow redirects on the same server."""
        method = "GET" if data is None else "POST"
        body = None if data is None else urlencode(data, doseq=True).encode()
        chain: list[tuple[str, str, int]] = []
        for _hop in range(6):
            headers = {"Cookie": self._cookie_header()}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Origin"] = server.origin
                headers["Referer"] = server.origin + path
            status, answer, text = request(server, method, path, body, headers)
            self._remember(answer)
            chain.append((method, path, status))
            self.journal.append((self.name, method, f"{server.process.name} {path}", status))
            location = answer.get("Location")
            if status in (301, 302, 303) and location:
                target = urlsplit(location)
                path = target.path + (f"?{target.query}" if target.query else "")
                method, body = "GET", None
                continue
            return Page(status, path, text, chain)
        raise AssertionError(f"{self.name}: too many redirects: {chain}")


Form = dict[str, Any]


def at_once(requests: Sequence[tuple[Browser, Server, str, Form | None]]) -> list[Page]:
    """Each (browser, server, path, form or None) sent at one moment; the pages they ended on."""
    results = together(partial(b.open, server, path, form) for b, server, path, form in requests)
    failed = [r for r in results if not isinstance(r, Page)]
    assert not failed, failed
    return results


def together(calls: Iterable[Callable[[], Any]], timeout: float = 120.0) -> list[Any]:
    """Run the calls in threads released at one moment by a barrier; their results (or the
    exception each raised), in order."""
    work = list(calls)
    barrier = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work[i]()
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results
