"""What a member owes for a year: a fixed fee, else the first band that fits, else the standard."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from coopnet.members.models import Membership

from .models import FeeBand, FeeSchedule, FixedFee


@dataclass(frozen=True)
class Fee:
    amount: Decimal
    basis: str


def schedules_for(year: int) -> dict[int, FeeSchedule]:
    """The year's schedules by category id, with their bands and fixed fees (three queries)."""
    qs = FeeSchedule.objects.filter(year=year).prefetch_related(
        Prefetch("bands", queryset=FeeBand.objects.order_by("order", "pk")),
        Prefetch("fixed_fees", queryset=FixedFee.objects.all()),
    )
    return {s.category_id: s for s in qs}


def fee_for(membership: Membership, schedules: dict[int, FeeSchedule]) -> Fee | None:
    """The full year's fee for a membership, or None when its category has no schedule."""
    schedule = schedules.get(membership.category_id)
    if schedule is None:
        return None
    organisation = membership.organisation
    fixed: Iterable[FixedFee] = schedule.fixed_fees.all()
    for fee in fixed:
        if organisation is not None and fee.organisation_id == organisation.pk:
            return Fee(fee.amount, _("Fixed fee agreed for this organisation"))
    for band in schedule.bands.all():
        if band.fits(organisation):
            return Fee(band.amount, _("Band: %(band)s") % {"band": band.name})
    return Fee(schedule.amount, _("Standard fee"))
