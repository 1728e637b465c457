"""`generate_synthetic --scale N`: a synthetic network at N times the seeds' size (benchmarks)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from coopnet.demo.synthetic import SyntheticDataError, generate


class Command(BaseCommand):
    help = (
        "Fill an empty database with a synthetic network at N times the seeds' size "
        "(1 = about 120 organisations, 500 people, 300 membership periods). For benchmarks."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="multiple of the seeds' size (default 1)"
        )
        parser.add_argument(
            "--seed", type=int, default=2012, help="random seed; the same seed gives the same data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        began = time.perf_counter()
        try:
            summary = generate(scale=options["scale"], seed=options["seed"])
        except SyntheticDataError as exc:
            raise CommandError(str(exc)) from exc
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.by_kind.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {summary.organisations} organisations ({kinds}), "
                f"{summary.people} people, {summary.roles} roles, "
                f"{summary.memberships} membership periods and {summary.budgets} budgets "
                f"in {time.perf_counter() - began:.1f} s."
            )
        )
