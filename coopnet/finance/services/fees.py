"""Writes to the fee configuration: a year's fee schedule for a membership category."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label
from coopnet.core.money import format_money
from coopnet.members.models import MembershipCategory

from ..models import FeeSchedule
from .common import checked_amount

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@transaction.atomic
def fee_schedule_set(
    *,
    year: int,
    category: MembershipCategory,
    amount: Decimal | str,
    source: str = "",
    by: Actor,
) -> tuple[FeeSchedule, str]:
    """Set the standard fee of `category` for the membership year starting in `year`.

    Returns the schedule and what happened to it ("created", "updated" or "unchanged").
    """
    require(by, "finance.manage")
    value = checked_amount(amount)
    source = source.strip()[:300]
    schedule = (
        FeeSchedule.objects.select_for_update(of=("self",))
        .filter(year=year, category=category)
        .first()
    )
    if schedule is not None and schedule.amount == value and schedule.source == source:
        return schedule, UNCHANGED
    outcome = CREATED if schedule is None else UPDATED
    before = None if schedule is None else str(schedule.amount)
    with acting_as(by):
        if schedule is None:
            schedule = FeeSchedule.objects.create(
                year=year, category=category, amount=value, source=source
            )
        else:
            schedule.amount, schedule.source = value, source
            schedule.save(update_fields=["amount", "source"])
        fee_schedule_audit(schedule=schedule, by=by, created=outcome == CREATED, before=before)
    return schedule, outcome


def fee_schedule_audit(
    *, schedule: FeeSchedule, by: Actor, created: bool, before: str | None = None
) -> None:
    """The audit entry of a fee schedule written here or in the back office (in its transaction)."""
    audit_record(
        by=by,
        action="fee_schedule.created" if created else "fee_schedule.changed",
        target=schedule,
        summary=_("Fee for %(category)s in %(year)s set to %(amount)s")
        % {
            "category": schedule.category,
            "year": year_label(schedule.year),
            "amount": format_money(schedule.amount),
        },
        about=[schedule.category],
        changes={"amount": str(schedule.amount), **({"before": before} if before else {})},
    )
