"""The procurement benchmark: the supplier list as at a date and a call-off's invitation step,
at 1x (20 suppliers) and 100x (2,000 suppliers), 20 categories.

    uv run --frozen python bench/procurement_bench.py              # 1x and 100x
    uv run --frozen python bench/procurement_bench.py --scales 1   # a quick run

Each scale gets a fresh SQLite file in a temporary directory (`migrate`, then the data in bulk):
one arrangement with 20 categories; every supplier is admitted in the first category (so a
call-off there invites all of them) and in one other, and has one person who manages it (so
every invitation has an address). Measured in-process with Django's test client, warm: the SQL
queries and the median time of the public supplier list page (`?on=2022-07-31`), the
arrangement page, the API's supplier list (first page), and the invitation step
(`calloff_issue`, in the request) and its background task (the emails, locmem backend).
Results: bench/results/procurement.json and a table printed for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CATEGORIES = 20
SUPPLIERS_AT_1X = 20
REPEATS = 15


def build(scale: int) -> dict[str, Any]:
    from coopnet.members.models import Organisation, OrganisationKind, Person, Role, RoleKind
    from coopnet.procurement.models import Admission, Arrangement, Category, Regime

    arrangement = Arrangement.objects.create(
        name="Bench dynamic purchasing system",
        slug="bench-dps",
        regime=Regime.PCR_2015_DPS,
        start=date(2020, 4, 1),
        end=date(2040, 3, 31),
        eligible_buyer_categories=["full", "associate"],
    )
    categories = Category.objects.bulk_create(
        Category(
            arrangement=arrangement,
            name=f"Category {n + 1}",
            slug=f"category-{n + 1}",
            questions=[{"key": "experience", "text": "Describe similar work."}],
            order=n,
        )
        for n in range(CATEGORIES)
    )
    count = SUPPLIERS_AT_1X * scale
    suppliers = Organisation.objects.bulk_create(
        Organisation(name=f"Supplier {n:05d}", slug=f"supplier-{n}", kind=OrganisationKind.SUPPLIER)
        for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"Manager {n}", slug=f"manager-{n}", email=f"manager{n}@example.org")
        for n in range(count)
    )
    Role.objects.bulk_create(
        Role(
            person=p,
            organisation=o,
            kind=RoleKind.OFFICER,
            manages_profile=True,
            start=date(2020, 4, 1),
        )
        for p, o in zip(people, suppliers, strict=True)
    )
    admissions = []
    for n, o in enumerate(suppliers):
        admissions.append(Admission(organisation=o, category=categories[0], start=date(2020, 4, 1)))
        other = categories[1 + n % (CATEGORIES - 1)]
        admissions.append(
            Admission(
                organisation=o, category=other, start=date(2022, 7, 31), start_is_approximate=True
            )
        )
    Admission.objects.bulk_create(admissions, batch_size=500)
    return {
        "suppliers": count,
        "categories": CATEGORIES,
        "admissions": len(admissions),
        "arrangement": arrangement,
        "category": categories[0],
    }


def page(client: Any, path: str) -> dict[str, Any]:
    from django.db import connection

    client.get(path)
    # Counted by an execute wrapper: the test client's request signals close and reopen the
    # connection, which CaptureQueriesContext does not follow outside the test runner.
    executed: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
    times = []
    for _n in range(REPEATS):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "path": path,
        "status": response.status_code,
        "queries": len(executed),
        "median_ms": round(statistics.median(times), 1),
    }


def invitation_step(arrangement: Any, category: Any) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from coopnet.core.actors import System
    from coopnet.procurement import services, tasks
    from coopnet.procurement.models import Invitation

    by = System("bench")
    call_off = services.calloff_create(
        arrangement=arrangement,
        category=category,
        buyer=None,
        title="Bench call-off",
        requirement="A review.",
        budget=Decimal("10000"),
        criteria=[("Quality", 60), ("Price", 40)],
        tender_deadline=timezone.now() + timedelta(days=20),
        by=by,
    )
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        invited = services.calloff_issue(call_off=call_off, by=by)
    issue_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    tasks.send_invitations.call(call_off_id=call_off.pk)
    task_ms = (time.perf_counter() - started) * 1000
    from django.core import mail

    return {
        "invited": invited,
        "issue_queries": len(captured.captured_queries),
        "issue_ms": round(issue_ms, 1),
        "task_ms": round(task_ms, 1),
        "emails_sent": len(mail.outbox),
        "notified": Invitation.objects.filter(call_off=call_off, notified_at__isnull=False).count(),
    }


def inner(scale: int) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # locmem email, so the task's emails are counted, not sent
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    data = build(scale)
    built_s = time.perf_counter() - started
    arrangement = data.pop("arrangement")
    category = data.pop("category")
    client = Client(raise_request_exception=True)
    slug = arrangement.slug
    pages = {
        "supplier_list": page(client, f"/procurement/{slug}/suppliers/?on=2022-07-31"),
        "arrangement": page(client, f"/procurement/{slug}/"),
        "api_suppliers": page(client, f"/api/v1/procurement/arrangements/{slug}/suppliers/"),
    }
    result = {
        "scale": scale,
        **data,
        "built_s": round(built_s, 1),
        "pages": pages,
        "invitation": invitation_step(arrangement, category),
    }
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--inner", type=int)
    args = parser.parse_args()
    if args.inner:
        inner(args.inner)
        return
    results = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                # config.settings.local, DEBUG off, static files without a manifest (no build).
                "DJANGO_SETTINGS_MODULE": "settings",
                "BENCH_STATIC_ROOT": f"{tmp}/static",
                "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
                "DEBUG": "False",
            }
            out = subprocess.run(
                [sys.executable, __file__, "--inner", str(scale)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode:
                sys.exit(out.stderr)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "procurement.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| scale | suppliers | measure | SQL queries | median ms |")
    print("|---:|---:|---|---:|---:|")
    for r in results:
        for name, p in r["pages"].items():
            print(
                f"| {r['scale']}x | {r['suppliers']} | {name} | {p['queries']} | {p['median_ms']} |"
            )
        i = r["invitation"]
        print(
            f"| {r['scale']}x | {r['suppliers']} | invitation step ({i['invited']} invited) | "
            f"{i['issue_queries']} | {i['issue_ms']} |"
        )
        print(
            f"| {r['scale']}x | {r['suppliers']} | background task ({i['emails_sent']} emails) "
            f"| | {i['task_ms']} |"
        )


if __name__ == "__main__":
    main()
