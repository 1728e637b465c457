"""Remind councils of peer-review actions coming due or overdue (run daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from coopnet.learning.services import action_reminders_send


class Command(BaseCommand):
    help = "Queue reminders for peer-review actions due within two weeks or overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        count = action_reminders_send(on=timezone.localdate())
        self.stdout.write(f"{count} reminder(s) queued.")
