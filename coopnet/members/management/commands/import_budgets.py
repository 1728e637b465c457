"""python manage.py import_budgets FILE.csv [--dry-run] — see docs/importing.md."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coopnet.members.importing import budgets_import
from coopnet.members.importing.cli import add_import_arguments, run_import_command


class Command(BaseCommand):
    help = "Import council budgets from a CSV file: every row, or nothing if any row is wrong."

    def add_arguments(self, parser: CommandParser) -> None:
        add_import_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import_command(
            self,
            budgets_import,
            options["file"],
            dry_run=options["dry_run"],
            verbosity=options["verbosity"],
        )
