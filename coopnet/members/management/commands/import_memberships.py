"""python manage.py import_memberships FILE.csv [--dry-run] — see docs/importing.md."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coopnet.members.importing import memberships_import
from coopnet.members.importing.cli import add_import_arguments, run_import_command


class Command(BaseCommand):
    help = "Import memberships from a CSV file: every row, or nothing if any row is wrong."

    def add_arguments(self, parser: CommandParser) -> None:
        add_import_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import_command(
            self,
            memberships_import,
            options["file"],
            dry_run=options["dry_run"],
            verbosity=options["verbosity"],
        )
