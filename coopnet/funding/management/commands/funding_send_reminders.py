"""Remind leads of progress reports coming due (run daily, e.g. from cron or the task worker)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.funding.services.projects import send_reminders


class Command(BaseCommand):
    help = "Queue reminders for funded projects' progress reports that are due soon or overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_reminders(on=timezone.localdate(), by=System("funding_send_reminders"))
        self.stdout.write(f"{count} reminder(s) queued.")
