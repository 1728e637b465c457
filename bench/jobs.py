"""`make bench` for whole jobs (issue 18): the work a person starts and waits for.

At one scale (default 100x): a fresh SQLite file, `migrate`, `generate_synthetic --scale N`, and
what each job needs beside it (the Accountable Body's finance settings and a fee for every
category). That file is copied for every round of every job, so each round starts from the same
data, and each round runs in a process of its own (a cold process, as a worker's task would be).
Reported per job: the median of the rounds' wall and CPU seconds, the peak resident memory, and
what the job did (rows imported, invoices raised, tasks queued).

Jobs and their targets at 100x (2-core machine):
- `import`: 10,000 new organisations from CSV, all-or-nothing, as the staff import runs it
  (< 10 s);
- `invoice-run`: the September invoice run for every current member, confirmed, with its emails
  queued as tasks (not sent: the worker sends them) (< 10 s);
- `pack`: a Case Studies Pack of 50 synthetic case studies laid out as the task worker does it,
  WeasyPrint already loaded (the worker warms it when it starts) (< 5 s); `pack-cold` is the same
  in a process that has not loaded WeasyPrint (no target: what a worker without the warm-up did);
- `budget-pdf`: the budget statement PDF of 2021/22 (the demo budget), warm (< 1 s).

Results: bench/results/jobs-<scale>x.json and jobs-summary.md.

    uv run --frozen python bench/jobs.py                     # 100x, 3 rounds
    uv run --frozen python bench/jobs.py --scale 1 --rounds 1
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, for --measure

from run import BenchError, base_env, manage, run_python

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
IMPORT_ROWS = 10_000
PACK_STUDIES = 50
TARGETS = {"import": 10.0, "invoice-run": 10.0, "pack": 5.0, "budget-pdf": 1.0}
RUN_YEAR = 2026  # 2026/27: the synthetic network's current members
RUN_DATE = date(2026, 9, 1)


# --- inside the prepared database --------------------------------------------------------------


def _setup() -> None:
    import django

    django.setup()


def prepare() -> dict[str, object]:
    """What the jobs need beside the synthetic network: finance settings and a fee per category,
    the demo budget, and case studies for the pack."""
    _setup()
    from decimal import Decimal

    from coopnet.demo.loader import LoadSummary
    from coopnet.finance.budgets import demo as budget_demo
    from coopnet.finance.models import FeeSchedule, FinanceSettings
    from coopnet.knowledge.synthetic import generate_case_studies
    from coopnet.members.models import MembershipCategory

    budget_demo.load(LoadSummary())
    generate_case_studies(PACK_STUDIES)

    config = FinanceSettings.current()
    config.body_name = "Accountable Body"
    config.body_address = "Civic Centre\nTown Hall Street"
    config.body_email = "finance@example.org"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    for category in MembershipCategory.objects.all():
        FeeSchedule.objects.get_or_create(
            year=RUN_YEAR, category=category, defaults={"amount": Decimal("250.00")}
        )
    return {"fee_schedules": FeeSchedule.objects.filter(year=RUN_YEAR).count()}


def job_pack(warm: bool) -> Callable[[], Callable[[], dict[str, object]]]:
    def make() -> Callable[[], dict[str, object]]:
        from coopnet.core.pdf import warm_up
        from coopnet.knowledge.models import CaseStudiesPack, CaseStudy
        from coopnet.knowledge.pack_building import pack_build

        studies = list(CaseStudy.objects.order_by("pk")[:PACK_STUDIES])
        pack = CaseStudiesPack.objects.create(title="Bench pack", total=len(studies))
        pack.case_studies.set(studies)
        if warm:
            warm_up()

        def work() -> dict[str, object]:
            built = pack_build(pack_id=pack.pk)
            if built.state != CaseStudiesPack.State.READY:
                raise BenchError(f"the pack was not built: {built.state} {built.error}")
            return {"case_studies": len(studies), "bytes": built.file.size}

        return work

    return make


def job_budget_pdf() -> Callable[[], dict[str, object]]:
    from coopnet.core.pdf import warm_up
    from coopnet.finance.budgets import pdf, selectors

    warm_up()

    def work() -> dict[str, object]:
        content = pdf.render_pdf(selectors.statement_for(2021))
        return {"bytes": len(content)}

    return work


def _import_csv(rows: int) -> bytes:
    lines = ["slug,name,kind,website"]
    for n in range(rows):
        lines.append(
            f"bench-import-{n:05d},Bench Import Council {n:05d},local_council,"
            f"https://council-{n:05d}.example.org"
        )
    return ("\n".join(lines) + "\n").encode()


def job_import() -> Callable[[], dict[str, object]]:
    from django.conf import settings

    from coopnet.core.actors import System
    from coopnet.members.importing.organisations import organisations_import

    data = _import_csv(IMPORT_ROWS)
    settings.IMPORT_MAX_BYTES = max(int(settings.IMPORT_MAX_BYTES), len(data))

    def work() -> dict[str, object]:
        report = organisations_import(data=data, by=System("bench"))
        if not report.ok:
            raise BenchError(f"the import refused its file: {report.errors[:3]}")
        return {"rows": IMPORT_ROWS, "created": report.created}

    return work


def job_invoice_run() -> Callable[[], dict[str, object]]:
    from django_tasks_db.models import DBTaskResult

    from coopnet.core.actors import System
    from coopnet.finance.services.invoicing import invoice_run_confirm

    def work() -> dict[str, object]:
        run = invoice_run_confirm(year=RUN_YEAR, on=RUN_DATE, by=System("bench"))
        return {"invoices": run.invoice_count, "tasks_queued": DBTaskResult.objects.count()}

    return work


JOBS: dict[str, Callable[[], Callable[[], dict[str, object]]]] = {
    "import": job_import,
    "invoice-run": job_invoice_run,
    "pack": job_pack(warm=True),
    "pack-cold": job_pack(warm=False),
    "budget-pdf": job_budget_pdf,
}


def measure(job: str) -> dict[str, object]:
    """One round of `job` in this process: wall and CPU seconds, peak memory, what it did."""
    import resource

    _setup()
    work = JOBS[job]()  # the job's input is made before the clock starts
    started, cpu_started = time.perf_counter(), time.process_time()
    did = work()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_memory_mib": round(peak_kib / 1024, 1),
        **did,
    }


# --- the driver --------------------------------------------------------------------------------


def run_jobs(scale: float, rounds: int, jobs: list[str]) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"coopnet-jobs-bench-{scale:g}x-"))
    try:
        env = base_env()
        prepared = workdir / "prepared.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{prepared}"
        env["MEDIA_ROOT"] = str(workdir / "media")
        began = time.perf_counter()
        manage(env, "migrate", "-v", "0")
        manage(env, "generate_synthetic", "--scale", f"{scale:g}")
        run_python(env, "bench/jobs.py", "--prepare")
        result: dict[str, Any] = {
            "scale": scale,
            "rounds": rounds,
            "seconds_preparing_data": round(time.perf_counter() - began, 1),
            "cores": os.cpu_count(),
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "jobs": {},
        }
        for job in jobs:
            measured = []
            for n in range(rounds):
                copy = workdir / f"{job}-{n}.sqlite3"
                shutil.copyfile(prepared, copy)
                env["DATABASE_URL"] = f"sqlite:///{copy}"
                out = run_python(env, "bench/jobs.py", "--measure", job)
                measured.append(json.loads(out.strip().splitlines()[-1]))
                copy.unlink()
                print(f"[jobs bench] {job} round {n + 1}: {measured[-1]}", flush=True)
            result["jobs"][job] = {
                "seconds": statistics.median(m["seconds"] for m in measured),
                "cpu_seconds": statistics.median(m["cpu_seconds"] for m in measured),
                "peak_memory_mib": max(m["peak_memory_mib"] for m in measured),
                "target_seconds": TARGETS.get(job),
                "rounds": measured,
            }
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def summary(result: dict[str, Any]) -> str:
    lines = [
        f"# Whole jobs at {result['scale']:g}x (median of {result['rounds']})",
        "",
        "| job | seconds | CPU seconds | target | met | peak MiB | did |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    for job, r in result["jobs"].items():
        target = r["target_seconds"]
        met = "" if target is None else "yes" if r["seconds"] < target else "**no**"
        first = r["rounds"][0]
        did = ", ".join(
            f"{k} {v}"
            for k, v in first.items()
            if k not in ("seconds", "cpu_seconds", "peak_memory_mib")
        )
        lines.append(
            f"| {job} | {r['seconds']} | {r['cpu_seconds']} "
            f"| {'' if target is None else f'< {target} s'} | {met} "
            f"| {r['peak_memory_mib']} | {did} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", nargs="+", choices=sorted(JOBS), default=list(JOBS))
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=sorted(JOBS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare:
        print(json.dumps(prepare()))
        return 0
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    try:
        result = run_jobs(args.scale, args.rounds, args.jobs)
    except BenchError as exc:
        print(f"[jobs bench] failed: {exc}", file=sys.stderr)
        return 1
    (RESULTS / f"jobs-{result['scale']:g}x.json").write_text(json.dumps(result, indent=2) + "\n")
    text = summary(result)
    (RESULTS / "jobs-summary.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
