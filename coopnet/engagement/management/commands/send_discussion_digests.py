"""Send the daily digest of new posts to members who chose it (schedule once a day)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coopnet.engagement.services import discussion_digests_send


class Command(BaseCommand):
    help = "Email each group member who chose a daily digest the posts since their last one."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = discussion_digests_send()
        self.stdout.write(f"{sent} digest(s) sent")
