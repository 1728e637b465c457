"""gunicorn on a free loopback port, and concurrent clients measuring one endpoint at a time."""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SIDE_CAP_SECONDS = 20.0  # for the warm-up and the one-client run, which are not the measurement


class ServerError(Exception):
    """gunicorn did not start."""


class Server(Protocol):
    """What the load needs of a server: its loopback port, and its master's pid (for CPU)."""

    port: int

    @property
    def pid(self) -> int: ...


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class ServerProcess:
    """A server started in its own process group on a free loopback port, waited for until it
    answers, and always stopped on leaving. Subclasses start it (`start`) and say what answers
    (`READY_PATH`, `ready`)."""

    NAME = "server"
    READY_PATH = "/"
    READY_SECONDS = 60.0

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> subprocess.Popen[bytes]:
        raise NotImplementedError

    def ready(self, status: str) -> bool:
        return status.isdigit()

    def log_tail(self, lines: int = 30) -> str:
        return ""

    def __enter__(self) -> Self:
        self.process = self.start()
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.READY_SECONDS
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise ServerError(f"{self.NAME} exited early:\n{self.log_tail()}")
            status, _ms = fetch(self.port, self.READY_PATH, timeout=5)
            if self.ready(status):
                return
            time.sleep(0.2)
        raise ServerError(
            f"{self.NAME} not ready after {self.READY_SECONDS:.0f} s:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        raise NotImplementedError


class Gunicorn(ServerProcess):
    """gunicorn serving config.wsgi on a free loopback port; always stopped on leaving."""

    NAME = "gunicorn"
    READY_PATH = "/accessibility/"

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        super().__init__()
        self.env, self.workers, self.log = env, workers, log

    def start(self) -> subprocess.Popen[bytes]:
        command = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"{HOST}:{self.port}", "--workers", str(self.workers),
            "--worker-class", "sync", "--backlog", "2048", "--timeout", "60",
            "--graceful-timeout", "10", "--log-level", "warning",
        ]  # fmt: skip
        with self.log.open("ab") as log:  # gunicorn's error log and anything else it prints
            return subprocess.Popen(
                command, cwd=ROOT, env=self.env, start_new_session=True, stdout=log, stderr=log,
            )  # fmt: skip

    def stop(self) -> None:
        """SIGTERM to the master (a graceful stop of its workers); SIGKILL if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


# --- whose CPU --------------------------------------------------------------------------------


def _ticks() -> float:
    return float(os.sysconf("SC_CLK_TCK"))


def busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux /proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _ticks()


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()  # the fields after "pid (comm)"


def process_cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = _stat(pid)
        except (OSError, ValueError):
            continue
        total += (int(fields[11]) + int(fields[12])) / _ticks()  # utime, stime
    return total


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat(int(entry.name))[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


class CpuMeter:
    """CPU used while measuring: by gunicorn per request, and by everything else on the machine."""

    def __init__(self, server_pid: int) -> None:
        self.server_pids = [server_pid, *children(server_pid)]
        self.pids = [os.getpid(), *self.server_pids]
        self.busy = busy_cpu_seconds()
        self.ours = process_cpu_seconds(self.pids)
        self.server = process_cpu_seconds(self.server_pids)
        self.began = time.monotonic()

    def server_ms_per_request(self, requests: int) -> float | None:
        """gunicorn's CPU time per request: what a page costs, however busy the machine is."""
        spent = process_cpu_seconds(self.server_pids) - self.server
        return round(spent * 1000 / requests, 1) if requests else None

    def other_percent(self) -> float | None:
        busy = busy_cpu_seconds()
        if busy is None or self.busy is None:
            return None
        others = (busy - self.busy) - (process_cpu_seconds(self.pids) - self.ours)
        capacity = (time.monotonic() - self.began) * (os.cpu_count() or 1)
        return round(max(0.0, others) / capacity * 100, 1) if capacity else None


def wait_for_quiet(max_wait: float, threshold: float = 25.0, sample: float = 2.0) -> float | None:
    """Wait (up to max_wait s) until the machine's CPU is under threshold % busy; the last %."""
    deadline = time.monotonic() + max_wait
    percent: float | None = None
    while True:
        before = busy_cpu_seconds()
        time.sleep(sample)
        after = busy_cpu_seconds()
        if before is None or after is None:
            return None
        percent = round((after - before) / (sample * (os.cpu_count() or 1)) * 100, 1)
        if percent < threshold or time.monotonic() >= deadline:
            return percent


# --- load --------------------------------------------------------------------------------------


def headers_for(cookie: str = "", etag: str = "") -> dict[str, str]:
    headers = {"Accept": "text/html,application/json"}
    if cookie:  # a signed-in session: "sessionid=..."
        headers["Cookie"] = cookie
    if etag:  # a conditional request, as a browser or a front cache asks again for a page it has
        headers["If-None-Match"] = etag
    return headers


def fetch(
    port: int, path: str, timeout: float = 30.0, cookie: str = "", etag: str = ""
) -> tuple[str, float]:
    """GET one page over a new loopback connection: its status (or the error's name), in ms."""
    began = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers_for(cookie, etag))
        response = connection.getresponse()
        response.read()
        status = str(response.status)
    except (OSError, http.client.HTTPException) as exc:
        status = type(exc).__name__
    finally:
        connection.close()
    return status, (time.perf_counter() - began) * 1000


def probe(port: int, path: str, cookie: str = "", etag: str = "") -> tuple[str, dict[str, str]]:
    """GET one page: its status (or the error's name) and its response headers."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers_for(cookie, etag))
        response = connection.getresponse()
        response.read()
        return str(response.status), {k.lower(): v for k, v in response.getheaders()}
    except (OSError, http.client.HTTPException) as exc:
        return type(exc).__name__, {}
    finally:
        connection.close()


def drive(
    port: int,
    paths: list[str],
    total: int,
    concurrency: int,
    time_cap: float,
    cookie: str = "",
    etag: str = "",
) -> tuple[list[float], Counter[str], float]:
    """total GETs (or as many as time_cap allows) from `concurrency` threads; latencies in ms."""
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    issued = 0
    deadline = time.monotonic() + time_cap

    def client() -> None:
        nonlocal issued
        while True:
            with lock:
                if issued >= total or time.monotonic() > deadline:
                    return
                index, issued = issued, issued + 1
            status, ms = fetch(port, paths[index % len(paths)], cookie=cookie, etag=etag)
            with lock:
                latencies.append(ms)
                statuses[status] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - began


def percentile(values: list[float], pct: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[pct - 1], 1)


def is_error(status: str) -> bool:
    """Anything but a success, or a `304 Not Modified` (the answer to a conditional request)."""
    return not (status.isdigit() and (200 <= int(status) < 300 or status == "304"))


def measure(
    server: Server,
    name: str,
    paths: list[str],
    args: argparse.Namespace,
    cookie: str = "",
    etag: str = "",
) -> dict[str, Any]:
    """Warm up (unmeasured), time one client alone, then `args.concurrency` clients at once.

    Each phase starts where the one before stopped in `paths`, so paths that differ on every
    request (a search word) are never asked twice, as long as there are enough of them.
    """
    port, side_cap = server.port, min(args.time_cap, SIDE_CAP_SECONDS)
    asked, warm, single = paths, paths, paths
    if len(paths) > 1:
        single = paths[args.warmup % len(paths) :] + paths[: args.warmup % len(paths)]
        skip = (args.warmup + args.baseline) % len(paths)
        paths = paths[skip:] + paths[:skip]
    if args.warmup:
        drive(port, warm, args.warmup, args.concurrency, side_cap, cookie, etag)
    baseline, _statuses, _s = drive(port, single, args.baseline, 1, side_cap, cookie, etag)
    meter = CpuMeter(server.pid)
    latencies, statuses, seconds = drive(
        port, paths, args.requests, args.concurrency, args.time_cap, cookie, etag
    )
    return {
        "endpoint": name,
        "paths": asked,
        "requests": len(latencies),
        "errors": sum(n for status, n in statuses.items() if is_error(status)),
        "statuses": dict(sorted(statuses.items())),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "max_ms": round(max(latencies), 1) if latencies else None,
        "rps": round(len(latencies) / seconds, 1) if seconds else None,
        "seconds": round(seconds, 2),
        "time_capped": len(latencies) < args.requests,
        "single_client_p50_ms": percentile(baseline, 50),
        # CPU taken by other processes on the machine while measuring: it skews the numbers.
        "other_cpu_percent": meter.other_percent(),
        "server_cpu_ms_per_request": meter.server_ms_per_request(len(latencies)),
    }
