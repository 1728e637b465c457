"""python manage.py import_case_studies FILE.csv|FILE.xlsx [--dry-run] — see docs/knowledge.md."""

from functools import partial
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coopnet.knowledge.importing import case_studies_import
from coopnet.members.importing.cli import add_import_arguments, run_import_command


class Command(BaseCommand):
    help = (
        "Import case studies from a CSV or Excel (.xlsx) file: every row, or nothing if any row "
        "is wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_import_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import_command(
            self,
            partial(case_studies_import, name=options["file"]),
            options["file"],
            dry_run=options["dry_run"],
            verbosity=options["verbosity"],
        )
