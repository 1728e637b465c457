"""Apply the retention schedule (`coopnet.core.personal_data`): every rule's records past their
time are deleted or have their personal details removed. Run it daily (cron or a systemd timer);
`--dry-run` says how many records each rule would change and changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.personal_data import DELETE, retention_rules

RETENTION = System("apply_retention")


class Command(BaseCommand):
    help = "Delete or anonymise the records past their retention period (--dry-run to count)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        now = timezone.now()
        total = 0
        for rule in retention_rules():
            with transaction.atomic(), acting_as(RETENTION):
                rows = rule.due(now)
                count = rows.count()
                if count and not dry_run:
                    if rule.action == DELETE:
                        rows.delete()
                    else:
                        assert rule.apply is not None
                        count = rule.apply(rows)
                    self._audit(rule.key, count)
            total += count
            verb = "would be" if dry_run else "were"
            self.stdout.write(
                f"{rule.key}: {count} {verb} {rule.action_label} ({rule.title}; kept {rule.keep})"
            )
        summary = "would change" if dry_run else "changed"
        self.stdout.write(f"Retention: {total} records {summary}.")

    def _audit(self, key: str, count: int) -> None:
        from django.contrib.sites.models import Site

        # The entry's record is the site itself: the schedule belongs to no single record.
        audit_record(
            by=RETENTION,
            action="retention.applied",
            target=Site.objects.get_current(),
            summary=f"{key}: {count}",
            changes={"rule": key, "records": count},
        )
