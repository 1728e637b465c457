"""Pure checks of the registry's rules, shared by services and imports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from coopnet.core.periods import overlaps

from .models import MembershipCategory, OrganisationKind


def period_errors(
    *,
    category: MembershipCategory,
    holder_kind: str | None,
    start: date,
    end: date | None,
    other_periods: Iterable[tuple[date, date | None]],
) -> list[str]:
    """Why a membership period may not be recorded; empty if it may.

    holder_kind is an OrganisationKind value, or None for an individual.
    """
    errors: list[str] = []
    if holder_kind is None:
        if not category.allows_individuals:
            errors.append(
                _("An individual cannot hold %(category)s membership.") % {"category": category}
            )
    elif not category.allows_kind(holder_kind):
        errors.append(
            _("This kind of organisation (%(kind)s) cannot hold %(category)s membership.")
            % {"kind": OrganisationKind(holder_kind).label.lower(), "category": _(category.name)}
        )
    if end is not None and end < start:
        errors.append(_("The end date is before the start date."))
    for other_start, other_end in other_periods:
        if overlaps(start, end, other_start, other_end):
            errors.append(
                _("It overlaps another membership from %(start)s to %(end)s.")
                % {
                    "start": other_start.isoformat(),
                    "end": other_end.isoformat() if other_end else _("now"),
                }
            )
            break
    return errors
