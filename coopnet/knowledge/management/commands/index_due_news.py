from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coopnet.knowledge.search import index_due_news


class Command(BaseCommand):
    help = "Add to the site search the news posts whose scheduled publication time has come."

    def handle(self, *args: Any, **options: Any) -> None:
        for post in index_due_news():
            self.stdout.write(f"{post.slug}: now in the search")
