"""The summary table: bench/results/summary.md and what `make bench` prints."""

from __future__ import annotations

import argparse
from typing import Any

from inspect_pages import ENDPOINTS

TARGET_P95_MS = 100.0
TARGET_SCALE = 100
Run = dict[str, Any]


def cell(value: object) -> str:
    return "–" if value is None else str(value)


def target_cell(result: Run, scale: float) -> str:
    if scale != TARGET_SCALE or result.get("p95_ms") is None:
        return ""
    met = result["p95_ms"] < TARGET_P95_MS and not result["errors"]
    return "met" if met else "**missed**"


def latency_table(runs: list[Run]) -> list[str]:
    lines = [
        "| endpoint | scale | p50 ms | p95 ms | req/s | errors | 1-client p50 ms "
        "| server CPU ms/req | SQL queries | other CPU % | p95 < 100 ms at 100x |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, _paths in ENDPOINTS:
        for run in runs:
            r = next((e for e in run["endpoints"] if e["endpoint"] == name), None)
            if r is None:  # not measured in this run (--endpoints)
                continue
            lines.append(
                f"| {name} | {run['label']} | {cell(r.get('p50_ms'))} | {cell(r.get('p95_ms'))} "
                f"| {cell(r.get('rps'))} | {r['errors']} | {cell(r.get('single_client_p50_ms'))} "
                f"| {cell(r.get('server_cpu_ms_per_request'))} | {cell(r.get('queries'))} "
                f"| {cell(r.get('other_cpu_percent'))} "
                f"| {target_cell(r, run['scale'])} |"
            )
    return lines


def queries_table(runs: list[Run]) -> list[str]:
    header = " | ".join(run["label"] for run in runs)
    lines = [
        f"| endpoint | {header} | same at every scale |",
        "|---|" + "---:|" * len(runs) + "---|",
    ]
    for name, _paths in ENDPOINTS:
        counts = []
        for run in runs:
            found = next((e for e in run["endpoints"] if e["endpoint"] == name), None)
            counts.append(found.get("queries") if found else None)
        if all(c is None for c in counts):
            continue
        same = "yes" if len(set(counts)) == 1 else "**no**"
        lines.append(f"| {name} | " + " | ".join(cell(c) for c in counts) + f" | {same} |")
    return lines


def render_summary(runs: list[Run], args: argparse.Namespace) -> str:
    m, code = runs[0]["machine"], runs[0]["code"]
    commit = f"{code['commit']}{' with uncommitted changes' if code['dirty'] else ''}"
    lines = [
        "# coopnet benchmark summary",
        "",
        f"Run {runs[-1]['run_at']} (code at {commit}) on {m['cpus']} CPUs ({m['platform']}), "
        f"Python {m['python']}, "
        f"Django {m['django']}, SQLite {m['sqlite']}, gunicorn {m['gunicorn']} with "
        f"{args.workers} sync workers. {args.concurrency} concurrent clients on the same machine, "
        f"{args.requests} requests per endpoint after {args.warmup} warm-up requests "
        f"(cap {args.time_cap:g} s); 1-client p50 from {args.baseline} sequential requests.",
        "",
        "| scale | organisations | people | roles | membership periods | events (repeating) "
        "| generated in (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        d = run["dataset"]
        lines.append(
            f"| {run['label']} | {d['organisations']} | {d['people']} | {d['roles']} "
            f"| {d['memberships']} | {d.get('events', '–')} ({d.get('repeating_events', '–')}) "
            f"| {run['generation_seconds']} |"
        )
    static_problem = runs[0]["settings"]["static_problem"]
    if static_problem:
        lines += [
            "",
            "**Static files:** collectstatic failed under the manifest storage "
            f"({static_problem}); "
            "this run served them through bench/settings.py, without a manifest.",
        ]
    lines += ["", *latency_table(runs), "", "SQL queries per page (warm request):", ""]
    return "\n".join([*lines, *queries_table(runs), ""])
