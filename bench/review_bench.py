"""`make bench` for the Review of the Year PDF: seed scale (the demo data) and 100x.

For each scale: a fresh SQLite file, `migrate`, the data (1x: `load_demo`, the seeds; 100x:
`generate_synthetic --scale 100`, then the seeds' reference figures are not there, which only
makes more figures print as "not recorded"), then, in a process of its own, the whole
generation as the background task runs it: every registered section built, the PDF laid out by
WeasyPrint and its pages counted. Reported: seconds, pages, bytes and the process's peak
resident memory. Targets (issue 16): under 10 s at seed scale, under 60 s at 100x, on the
2-core machine. Results: bench/results/review-<scale>x.json and review-summary.md.

    uv run --frozen python bench/review_bench.py --scales 1       # seed scale only
    uv run --frozen python bench/review_bench.py --scales 1 100
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, for --measure

from run import BenchError, base_env, manage, run_python

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGETS = {1: 10.0, 100: 60.0}
YEAR = 2021


def measure(year: int) -> dict[str, object]:
    """Run inside the prepared database: one generation, timed, with its peak memory."""
    import resource

    import django

    django.setup()
    from coopnet.core.figures import set_coverage
    from coopnet.core.reports import REVIEW
    from coopnet.reports import building, document

    for key in ("members-full", "supporters"):
        set_coverage(key, datetime(2021, 8, 1).date())
    started, cpu_started = time.perf_counter(), time.process_time()
    doc = document.document(REVIEW, year)
    built = time.perf_counter()
    content = document.render_pdf(doc)
    pages = building.pdf_pages(content)
    finished, cpu_finished = time.perf_counter(), time.process_time()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "year": year,
        "sections": [s.key for s in doc.sections],
        "figures": len(doc.figures),
        "seconds_sections": round(built - started, 2),
        "seconds_total": round(finished - started, 2),
        # CPU time hardly depends on what else runs on the machine; wall time does.
        "cpu_seconds_total": round(cpu_finished - cpu_started, 2),
        "pages": pages,
        "bytes": len(content),
        "peak_memory_mib": round(peak_kib / 1024, 1),
    }


def run_scale(scale: int, year: int) -> dict[str, object]:
    workdir = Path(tempfile.mkdtemp(prefix=f"coopnet-review-bench-{scale}x-"))
    try:
        env = base_env()
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        env["MEDIA_ROOT"] = str(workdir / "media")
        started = time.perf_counter()
        manage(env, "migrate", "-v", "0")
        if scale == 1:
            manage(env, "load_demo")
        else:
            manage(env, "generate_synthetic", "--scale", str(scale))
        prepared = time.perf_counter() - started
        out = run_python(env, "bench/review_bench.py", "--measure", "--year", str(year))
        result = json.loads(out.strip().splitlines()[-1])
        result.update(
            scale=scale,
            seconds_preparing_data=round(prepared, 1),
            target_seconds=TARGETS.get(scale),
            cores=os.cpu_count(),
            measured_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def summary(results: list[dict[str, object]]) -> str:
    lines = [
        "# Review of the Year PDF",
        "",
        "| scale | sections | pages | seconds (sections) | seconds (total) | CPU seconds "
        "| target | peak MiB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        sections = r["sections"]
        assert isinstance(sections, list)
        lines.append(
            f"| {r['scale']}x | {len(sections)} | {r['pages']} | {r['seconds_sections']} "
            f"| {r['seconds_total']} | {r.get('cpu_seconds_total', '')} "
            f"| < {r['target_seconds']} s | {r['peak_memory_mib']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.year)))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for scale in args.scales:
            print(f"[review bench] {scale}x", flush=True)
            result = run_scale(scale, args.year)
            (RESULTS / f"review-{scale}x.json").write_text(json.dumps(result, indent=2) + "\n")
            results.append(result)
    except BenchError as exc:
        print(f"[review bench] failed: {exc}", file=sys.stderr)
        return 1
    text = summary(results)
    (RESULTS / "review-summary.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
