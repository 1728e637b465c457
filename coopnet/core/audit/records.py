from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from ..actors import System, user_of
from .models import AuditEntry, AuditSubject


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
    if by is None:
        raise TypeError("audit_record needs the acting user or System(job), never None")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the write's transaction")
    entry = AuditEntry.objects.create(
        at=timezone.now(),
        user=user_of(by),
        system_job=by.job if isinstance(by, System) else "",
        action=action,
        summary=(summary or f"{action}: {target}")[:300],
        reason=reason or "",
        changes=changes or {},
    )
    subjects: list[AuditSubject] = []
    seen: set[tuple[int, int]] = set()
    for n, record in enumerate([target, *about]):
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
    AuditSubject.objects.bulk_create(subjects)
    return entry


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
