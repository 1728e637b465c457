"""Running an import or an export from manage.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from coopnet.core.actors import System

from .base import ImportReport
from .csvio import Writable, max_bytes, too_big_message

Importer = Callable[..., ImportReport]
Exporter = Callable[[Writable], None]


def add_import_arguments(parser: CommandParser) -> None:
    parser.add_argument("file", help=_("the CSV file (UTF-8, with or without a BOM)"))
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("check every row and report what would change, without writing anything"),
    )


def read_file(path: str) -> bytes:
    file = Path(path)
    try:
        if file.stat().st_size > max_bytes():
            raise CommandError(too_big_message())
        return file.read_bytes()
    except OSError as exc:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from exc


def run_import_command(
    command: BaseCommand, importer: Importer, path: str, *, dry_run: bool, verbosity: int
) -> None:
    """Import as the system job named after the command, print the outcome of each row (-v 2)
    and a summary; a refused file exits with status 1 after listing its errors on stderr."""
    job = type(command).__module__.rsplit(".", 1)[-1]
    report = importer(data=read_file(path), by=System(job), dry_run=dry_run)
    for error in report.errors:
        command.stderr.write(str(error))
    if report.errors:
        raise CommandError(report.summary())
    if verbosity >= 2:
        for outcome in report.outcomes:
            command.stdout.write(
                _("Row %(row)d: %(action)s %(label)s")
                % {"row": outcome.row, "action": outcome.action_display, "label": outcome.label}
            )
    command.stdout.write(command.style.SUCCESS(report.summary()))


def add_export_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "-o", "--output", help=_("write to this file instead of standard output"), default=None
    )


def run_export_command(command: BaseCommand, exporter: Exporter, output: str | None) -> None:
    if output is None:
        exporter(command.stdout)
        return
    try:
        with Path(output).open("w", encoding="utf-8", newline="") as fh:
            exporter(fh)
    except OSError as exc:
        raise CommandError(
            _("Cannot write %(path)s: %(error)s") % {"path": output, "error": exc.strerror}
        ) from exc
