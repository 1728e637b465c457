"""`manage.py backup [--output FILE]`: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from coopnet.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar.gz archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="Where to write the archive (default backups/).")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = Path(options["output"] or f"backups/coopnet-{stamp}.tar.gz")
        try:
            report = backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backed up {report.rows} rows in {report.tables} tables and {report.files} "
            f"uploaded files to {output}."
        )
