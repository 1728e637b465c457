"""Email people with a place a reminder before their event (run every few minutes or hourly).

    python manage.py send_event_reminders [--hours 24]

Each place is reminded once; the default lead time is the EVENT_REMINDER_HOURS setting (24).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from coopnet.core.actors import System
from coopnet.events.services import registrations_remind


class Command(BaseCommand):
    help = "Email a reminder to everyone with a place on an event starting soon."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--hours",
            type=float,
            default=getattr(settings, "EVENT_REMINDER_HOURS", 24),
            help="Remind places on events starting within this many hours.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = registrations_remind(
            by=System("send_event_reminders"), within=timedelta(hours=options["hours"])
        )
        self.stdout.write(f"{sent} reminder(s) sent.")
