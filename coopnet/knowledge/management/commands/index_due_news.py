from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coopnet.core.actors import System, acting_as
from coopnet.knowledge.search import index_due_news


class Command(BaseCommand):
    help = "Add to the site search the news posts whose scheduled publication time has come."

    def handle(self, *args: Any, **options: Any) -> None:
        with acting_as(System("index_due_news")):
            due = index_due_news()
        for post in due:
            self.stdout.write(f"{post.slug}: now in the search")
