from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from ..actors import System, user_of
from .models import AuditEntry, AuditSubject

BATCH = 500


@dataclass(frozen=True)
class Audited:
    """One entry of `audit_records`: what `audit_record` takes besides `by`."""

    action: str
    target: models.Model
    summary: str = ""
    about: Iterable[models.Model | None] = ()
    reason: str = ""
    changes: dict[str, Any] | None = None


def audit_record(
    *,
    by: Any,
    action: str,
    target: models.Model,
    summary: str = "",
    about: Iterable[models.Model | None] = (),
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `by` did `action` ("bid.submitted") to `target`, in the caller's transaction.

    `by` is a user or a `System(job)`; `None` is refused. `summary` is what a person reads in the
    trail (defaults to the action and the record); `reason` is why, when someone said so.
    """
    return audit_records(by=by, items=[Audited(action, target, summary, about, reason, changes)])[0]


def audit_records(*, by: Any, items: Sequence[Audited]) -> list[AuditEntry]:
    """`audit_record` for many writes of one job at once (an invoice run): the same entries,
    written in two bulk inserts instead of two per entry."""
    if by is None:
        raise TypeError("audit_record needs the acting user or System(job), never None")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the write's transaction")
    at, user, job = timezone.now(), user_of(by), by.job if isinstance(by, System) else ""
    entries = [
        AuditEntry(
            at=at,
            user=user,
            system_job=job,
            action=item.action,
            summary=(item.summary or f"{item.action}: {item.target}")[:300],
            reason=item.reason or "",
            changes=item.changes or {},
        )
        for item in items
    ]
    if len(entries) == 1 or not connection.features.can_return_rows_from_bulk_insert:
        for entry in entries:
            entry.save()
    else:
        AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
    pairs = zip(entries, items, strict=True)
    subjects = [subject for entry, item in pairs for subject in _subjects(entry, item)]
    AuditSubject.objects.bulk_create(subjects, batch_size=BATCH)
    return entries


def _subjects(entry: AuditEntry, item: Audited) -> list[AuditSubject]:
    subjects: list[AuditSubject] = []
    seen: set[tuple[int, int]] = set()
    for n, record in enumerate([item.target, *item.about]):
        if record is None or record.pk is None:
            continue
        content_type = ContentType.objects.get_for_model(record)
        key = (content_type.pk, record.pk)
        if key in seen:
            continue
        seen.add(key)
        subjects.append(
            AuditSubject(
                entry=entry,
                content_type=content_type,
                object_id=record.pk,
                label=str(record)[:300],
                is_target=n == 0,
            )
        )
    return subjects


def audit_trail_for(record: models.Model) -> QuerySet[AuditEntry]:
    """Every entry that concerns `record`, newest first, with who did it."""
    content_type = ContentType.objects.get_for_model(record)
    return (
        AuditEntry.objects.filter(
            subjects__content_type=content_type, subjects__object_id=record.pk
        )
        .select_related("user")
        .prefetch_related("subjects")
        .distinct()
        .order_by("-at", "-pk")
    )
