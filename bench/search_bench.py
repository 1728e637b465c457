"""`make bench` for the site search: 1k, 10k and 100k synthetic case studies, SQLite and PostgreSQL.

For each engine and size: a fresh database (a SQLite file, or a throw-away PostgreSQL 15 server),
`migrate`, the synthetic case studies and their index (bench/search_data.py generate), the SQL
queries, the bare database search and the page in-process (bench/search_data.py inspect), then
gunicorn under 20 concurrent clients. Every measured request has an address of its own (an
ignored `r=` parameter), so no request is served from the page cache: these are the costs of
searching. One extra row per size measures the same common-word page repeated (remembered).
Results: bench/results/search-<engine>-<size>.json and bench/results/search-summary.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from loadtest import CpuMeter, Gunicorn, drive, is_error, percentile, wait_for_quiet
from postgres import throwaway_postgres
from search_data import SEARCH_ENDPOINTS

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_P95_MS = 100.0
TARGET_SIZE = 100_000
Result = dict[str, Any]


class SearchBenchError(Exception):
    """The search benchmark could not run."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search-only", action="store_true", help="only the search benchmark")
    parser.add_argument("--no-search", action="store_true", help="skip the search benchmark")
    parser.add_argument("--search-sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument(
        "--search-engines",
        nargs="+",
        default=["sqlite", "postgresql"],
        choices=["sqlite", "postgresql"],
    )
    parser.add_argument(
        "--search-data",
        choices=["own", "knowledge"],
        default="own",
        help="own: index rows with a Zipf vocabulary (fast); knowledge: the knowledge app's "
        "synthetic case studies, then rebuild_search_index (slow at 100k)",
    )
    parser.add_argument("--search-requests", type=int, default=200)
    parser.add_argument("--search-warmup", type=int, default=20)
    parser.add_argument("--search-baseline", type=int, default=15)
    parser.add_argument("--search-time-cap", type=float, default=45.0)
    parser.add_argument("--search-quiet-wait", type=float, default=5.0)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_python(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SearchBenchError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def last_json(output: str) -> Result:
    result: Result = json.loads(output.strip().splitlines()[-1])
    return result


@contextmanager
def database(engine: str, tmp: Path) -> Iterator[str]:
    if engine == "sqlite":
        yield f"sqlite:///{tmp}/db.sqlite3"
    else:
        with throwaway_postgres() as url:
            yield url


def fresh_paths(path: str, phase: str, count: int) -> list[str]:
    joiner = "&" if "?" in path else "?"
    return [f"{path}{joiner}r={phase}{i}" for i in range(count)]


def measure_search(
    server: Gunicorn, name: str, path: str, args: argparse.Namespace, *, remembered: bool = False
) -> Result:
    """Warm up, one client alone, then `concurrency` clients; fresh addresses unless remembered."""
    port, cap = server.port, args.search_time_cap

    def paths(phase: str, count: int) -> list[str]:
        return [path] if remembered else fresh_paths(path, phase, count)

    busy = wait_for_quiet(args.search_quiet_wait) if args.search_quiet_wait else None
    drive(port, paths("w", args.search_warmup), args.search_warmup, args.concurrency, cap)
    baseline, _s, _t = drive(port, paths("b", args.search_baseline), args.search_baseline, 1, cap)
    meter = CpuMeter(server.pid)
    latencies, statuses, seconds = drive(
        port, paths("m", args.search_requests), args.search_requests, args.concurrency, cap
    )
    return {
        "endpoint": name,
        "path": path,
        "remembered": remembered,
        "requests": len(latencies),
        "errors": sum(n for status, n in statuses.items() if is_error(status)),
        "statuses": dict(sorted(statuses.items())),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "rps": round(len(latencies) / seconds, 1) if seconds else None,
        "time_capped": len(latencies) < args.search_requests,
        "single_client_p50_ms": percentile(baseline, 50),
        "server_cpu_ms_per_request": meter.server_ms_per_request(len(latencies)),
        "other_cpu_percent": meter.other_percent(),
        "machine_busy_before_percent": busy,
    }


def bench_one(engine: str, size: int, args: argparse.Namespace, base: dict[str, str]) -> Result:
    label = f"{engine}-{size}"
    with tempfile.TemporaryDirectory(prefix=f"coopnet-bench-search-{label}-") as tmp_name:
        tmp = Path(tmp_name)
        with database(engine, tmp) as url:
            env = {**base, "DATABASE_URL": url}
            say(f"[search {label}] migrating")
            run_python(env, "manage.py", "migrate", "--no-input", "-v", "0")
            say(f"[search {label}] {size} synthetic case studies ({args.search_data})")
            began = time.perf_counter()
            generation = last_json(
                run_python(
                    env,
                    "bench/search_data.py",
                    "generate",
                    str(size),
                    str(args.seed),
                    args.search_data,
                )
            )
            generation["wall_seconds"] = round(time.perf_counter() - began, 1)
            say(f"[search {label}] generated in {generation['wall_seconds']} s; inspecting")
            inspection = last_json(run_python(env, "bench/search_data.py", "inspect"))
            endpoints = []
            with Gunicorn(env, args.workers, tmp / "gunicorn.log") as server:
                for name, query in SEARCH_ENDPOINTS:
                    result = measure_search(server, name, f"/search/?{query}", args)
                    result.update(inspection["endpoints"][name])
                    endpoints.append(result)
                    say(
                        f"  {name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
                        f"{result['server_cpu_ms_per_request']} ms CPU/req, "
                        f"{result['errors']} errors, other CPU {result['other_cpu_percent']}%"
                    )
                name, query = SEARCH_ENDPOINTS[1]
                result = measure_search(
                    server, f"{name}_remembered", f"/search/?{query}", args, remembered=True
                )
                endpoints.append(result)
                say(f"  {result['endpoint']}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
                log_tail = server.log_tail() if any(r["errors"] for r in endpoints) else ""
    return {
        "engine": engine,
        "size": size,
        "label": label,
        "run_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "entries": inspection["entries"],
        "generation": generation,
        "endpoints": endpoints,
        "server_log_tail": log_tail,
    }


def run_search(args: argparse.Namespace, env: dict[str, str]) -> list[Result]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs = []
    for engine in args.search_engines:
        for size in args.search_sizes:
            run = bench_one(engine, size, args, env)
            (RESULTS / f"search-{run['label']}.json").write_text(json.dumps(run, indent=2) + "\n")
            runs.append(run)
    summary = render_search_summary(runs, args)
    (RESULTS / "search-summary.md").write_text(summary)
    return runs


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


def render_search_summary(runs: list[Result], args: argparse.Namespace) -> str:
    lines = [
        "# Site search benchmark",
        "",
        f"{args.concurrency} concurrent clients, {args.search_requests} requests per endpoint "
        f"(cap {args.search_time_cap:g} s) after {args.search_warmup} warm-up requests, gunicorn "
        f"with {args.workers} sync workers; data: {args.search_data}. Every measured request has "
        "its own address (never the remembered page) except the rows marked *remembered*.",
        "",
        "| engine | case studies | generated in (s) | endpoint | results | p50 ms | p95 ms "
        "| req/s | errors | 1-client p50 ms | server CPU ms/req | SQL queries | bare search ms "
        "| page ms (in-process) | page / bare | other CPU % | p95 < 100 ms at 100k |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        for r in run["endpoints"]:
            met = ""
            if run["size"] == TARGET_SIZE and r.get("p95_ms") is not None:
                met = "met" if r["p95_ms"] < TARGET_P95_MS and not r["errors"] else "**missed**"
            name = r["endpoint"] + (" (remembered)" if r.get("remembered") else "")
            lines.append(
                f"| {run['engine']} | {run['size']} | {run['generation']['wall_seconds']} "
                f"| {name} | {_cell(r.get('results'))} | {_cell(r['p50_ms'])} "
                f"| {_cell(r['p95_ms'])} | {_cell(r['rps'])} | {r['errors']} "
                f"| {_cell(r['single_client_p50_ms'])} | {_cell(r['server_cpu_ms_per_request'])} "
                f"| {_cell(r.get('queries'))} | {_cell(r.get('bare_search_ms'))} "
                f"| {_cell(r.get('page_ms_in_process'))} | {_cell(r.get('page_to_bare_ratio'))} "
                f"| {_cell(r['other_cpu_percent'])} | {met} |"
            )
    return "\n".join(lines) + "\n"


def report_from_results() -> str:
    """The summary again from every bench/results/search-*.json (runs made separately)."""
    order = {"sqlite": 0, "postgresql": 1}
    runs = [json.loads(path.read_text()) for path in RESULTS.glob("search-*.json")]
    runs.sort(key=lambda run: (order.get(run["engine"], 9), run["size"]))
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=20)
    add_arguments(parser)
    args = parser.parse_args(sys.argv[2:])
    summary = render_search_summary(runs, args)
    (RESULTS / "search-summary.md").write_text(summary)
    return summary


if __name__ == "__main__":  # python bench/search_bench.py report [--search-requests N ...]
    if sys.argv[1:2] == ["report"]:
        print(report_from_results())
