"""`generate_synthetic_events --scale N`: synthetic events for the benchmarks (100 per unit)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from coopnet.events.synthetic import SyntheticEventsError, generate_events


class Command(BaseCommand):
    help = "Add 100 synthetic events per unit of scale, one in ten repeating. For benchmarks."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2012)

    def handle(self, *args: Any, **options: Any) -> None:
        began = time.perf_counter()
        try:
            total, repeating = generate_events(scale=options["scale"], seed=options["seed"])
        except SyntheticEventsError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {total} events ({repeating} repeating) "
                f"in {time.perf_counter() - began:.1f} s."
            )
        )
