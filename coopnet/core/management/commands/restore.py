"""`manage.py restore FILE [--force]`: put a backup back and check it is whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coopnet.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty installation, then verify rows and files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a database that is not empty."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(Path(options["archive"]), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not report.ok:
            raise CommandError(
                "Restored, but it differs from the backup:\n" + "\n".join(report.differences)
            )
        self.stdout.write(
            f"Restored {report.rows} rows in {report.tables} tables and {report.files} uploaded "
            "files; every table's row count and every file's checksum match the backup."
        )
