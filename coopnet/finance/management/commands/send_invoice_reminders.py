"""Send the reminders due today for unpaid invoices. Run it daily (cron or a scheduler); running
it twice on a day sends nothing twice."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coopnet.core.actors import System
from coopnet.finance.services import reminders_send


class Command(BaseCommand):
    help = "Send the reminders that are due for unpaid invoices (each reminder only once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        on = None
        if options["date"]:
            try:
                on = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("--date must be YYYY-MM-DD") from exc
        sent = reminders_send(on=on, by=System("send_invoice_reminders"))
        for reminder in sent:
            self.stdout.write(
                f"{reminder.invoice.reference}: {reminder.days_after_due} days after due"
                f" -> {reminder.sent_to or '(no invoice contact)'}"
            )
        self.stdout.write(f"{len(sent)} reminder(s) sent.")
