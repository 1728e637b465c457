"""python manage.py export_memberships [-o FILE.csv] — the CSV that import_memberships reads."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coopnet.members.exporting import write_memberships
from coopnet.members.importing.cli import add_export_arguments, run_export_command


class Command(BaseCommand):
    help = "Export memberships as CSV, in the shape import_memberships reads."

    def add_arguments(self, parser: CommandParser) -> None:
        add_export_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run_export_command(self, write_memberships, options["output"])
