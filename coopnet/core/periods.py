"""The period rule: one answer to "was this current on that day?" for every dated record.

A period runs from `start` to `end`, both days included. An empty `start` means "since before the
records begin"; an empty `end` means "still running". A role that ends today still holds today
and no longer tomorrow. Memberships, roles, appointments, admissions, bookings and every later
dated record take the rule from here: their querysets mix in `PeriodQuerySet` and their models
`PeriodMixin`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from django.db import models
from django.db.models import Q


def current_on_q(day: date, *, prefix: str = "", start: str = "start", end: str = "end") -> Q:
    """The condition "current on `day`", for a related lookup give `prefix="roles__"`."""
    return (Q(**{f"{prefix}{start}__isnull": True}) | Q(**{f"{prefix}{start}__lte": day})) & (
        Q(**{f"{prefix}{end}__isnull": True}) | Q(**{f"{prefix}{end}__gte": day})
    )


def overlapping_q(
    first: date | None,
    last: date | None,
    *,
    prefix: str = "",
    start: str = "start",
    end: str = "end",
) -> Q:
    """The condition "shares at least one day with `first`..`last`" (either may be open)."""
    condition = Q()
    if last is not None:
        condition &= Q(**{f"{prefix}{start}__isnull": True}) | Q(**{f"{prefix}{start}__lte": last})
    if first is not None:
        condition &= Q(**{f"{prefix}{end}__isnull": True}) | Q(**{f"{prefix}{end}__gte": first})
    return condition


def overlaps(
    a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None
) -> bool:
    """Whether two periods share at least one day (ends included; None is open)."""
    starts_before_b_ends = a_start is None or b_end is None or a_start <= b_end
    b_starts_before_a_ends = b_start is None or a_end is None or b_start <= a_end
    return starts_before_b_ends and b_starts_before_a_ends


def is_current_on(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or end >= day)


class PeriodQuerySet(models.QuerySet):
    """Querysets of dated records; set `period_fields` when the fields are not start/end."""

    period_fields: tuple[str, str] = ("start", "end")

    def current_on(self, day: date) -> Self:
        start, end = self.period_fields
        return self.filter(current_on_q(day, start=start, end=end))

    def overlapping(self, first: date | None, last: date | None) -> Self:
        start, end = self.period_fields
        return self.filter(overlapping_q(first, last, start=start, end=end))

    def ended_before(self, day: date) -> Self:
        return self.filter(**{f"{self.period_fields[1]}__lt": day})


class PeriodMixin:
    """`is_current_on` for a model whose queryset is a `PeriodQuerySet`."""

    period_fields: tuple[str, str] = ("start", "end")

    def is_current_on(self, day: date) -> bool:
        start, end = self.period_fields
        return is_current_on(getattr(self, start), getattr(self, end), day)

    def overlaps_period(self, first: date | None, last: date | None) -> bool:
        start, end = self.period_fields
        return overlaps(getattr(self, start), getattr(self, end), first, last)


def period_fields_of(model: Any) -> tuple[str, str]:
    return getattr(model, "period_fields", ("start", "end"))
