"""`load_demo [--if-empty]`: the demo data built from the network's published documents."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from coopnet.demo.loader import DemoDataError, LoadSummary, all_labels, load_demo
from coopnet.members.models import Organisation


class Command(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self.help = _(
            "Load the demo data built from the network's published documents. Safe to run "
            "again: nothing is duplicated."
        )
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=_("do nothing if the database already holds organisations"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Organisation.objects.exists():
            self.stdout.write(_("The database already holds organisations: demo data not loaded."))
            return
        try:
            summary = load_demo()
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(self._describe(summary)))

    @staticmethod
    def _describe(summary: LoadSummary) -> str:
        if not summary.created and not summary.updated:
            return _("Demo data already loaded: nothing to change.")
        labels = all_labels()
        parts = [
            _("%(label)s: %(created)d created, %(updated)d updated")
            % {
                "label": labels[label],
                "created": summary.created[label],
                "updated": summary.updated[label],
            }
            for label in labels
            if summary.created[label] or summary.updated[label]
        ]
        return _("Demo data loaded.") + "\n  " + "\n  ".join(parts)
