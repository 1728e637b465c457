"""Writes of the strategy: edit objectives, measures and activities; record progress; enter a
measure's value with its source; set from when a category's records are complete."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from coopnet.core import figures
from coopnet.core.audit import audit_record
from coopnet.core.errors import DomainError
from coopnet.core.guard import require
from coopnet.core.models import RecordCoverage, ReportedFigure

from .models import ActivityUpdate, SupportingActivity


@transaction.atomic
def save(obj: Model, *, by: Any) -> Model:
    """Create or change a strategy, objective, measure or activity (staff only)."""
    require(by, "strategy.manage")
    created = obj.pk is None
    obj.full_clean()
    obj.save()
    kind = obj._meta.model_name
    audit_record(by=by, action=f"strategy.{kind}.{'created' if created else 'changed'}", target=obj)
    return obj


@transaction.atomic
def record_progress(
    activity: SupportingActivity, *, on: date, progress: str, note: str, by: Any
) -> ActivityUpdate:
    """A dated progress update; the activity takes its progress from the latest one."""
    require(by, "strategy.manage")
    update = ActivityUpdate(activity=activity, on=on, progress=progress, note=note)
    update.full_clean()
    update.save()
    latest = activity.updates.order_by("-on", "-pk").first()
    if latest is not None and activity.progress != latest.progress:
        activity.progress = latest.progress
        activity.save(update_fields=["progress"])
    audit_record(by=by, action="strategy.progress_recorded", target=activity, summary=note[:200])
    return update


@transaction.atomic
def enter_value(
    *,
    key: str,
    as_of: date,
    value: Decimal,
    source: str,
    qualifier: str = "",
    note: str = "",
    by: Any,
) -> ReportedFigure:
    """A measure's value entered by staff, with its source: kept beside any other source's."""
    require(by, "strategy.manage")
    if not source.strip():
        raise DomainError(_("Say where the figure comes from."))
    figure, _created = ReportedFigure.objects.update_or_create(
        key=key,
        as_of=as_of,
        source=source.strip(),
        defaults={"value": value, "qualifier": qualifier, "note": note},
    )
    audit_record(by=by, action="strategy.value_entered", target=figure)
    return figure


@transaction.atomic
def set_coverage(*, key: str, complete_from: date | None, note: str, by: Any) -> RecordCoverage:
    """From which date a category's records are complete (None: not complete)."""
    require(by, "strategy.set_coverage")
    row = figures.set_coverage(key, complete_from, note)
    audit_record(by=by, action="strategy.coverage_set", target=row, summary=str(complete_from))
    return row
