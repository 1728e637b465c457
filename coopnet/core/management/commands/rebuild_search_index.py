"""python manage.py rebuild_search_index [--kind KIND ...] [--batch-size N]"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coopnet.core.search import index
from coopnet.core.search.registry import REGISTRY


class Command(BaseCommand):
    help = "Rebuild the site search index from the registered content, in batches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            dest="kinds",
            help=f"only this kind (repeatable): {', '.join(sorted(REGISTRY)) or 'none registered'}",
        )
        parser.add_argument("--batch-size", type=int, default=index.BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        began = time.perf_counter()

        def progress(kind: str, count: int) -> None:
            self.stdout.write(f"{kind}: {count} indexed")

        try:
            counts = index.rebuild(
                options["kinds"], batch_size=options["batch_size"], progress=progress
            )
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - began
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {sum(counts.values())} entries in {seconds:.1f} s."
            )
        )
