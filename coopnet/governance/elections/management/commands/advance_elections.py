from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coopnet.core.actors import System
from coopnet.governance.elections.schedule import advance_due_elections


class Command(BaseCommand):
    help = "Close nominations, open voting and close voting for elections whose time has come."

    def handle(self, *args: Any, **options: Any) -> None:
        for election, outcome in advance_due_elections(by=System("advance_elections")):
            self.stdout.write(f"{election.slug}: {outcome}")
