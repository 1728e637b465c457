"""Events' section of the network's reports (`coopnet.core.reports`): the published events of
the membership year, in date order."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_end, year_start
from coopnet.core.reports import REVIEW, Section, register_section

from . import selectors


def events_section(year: int) -> Section:
    start, end = year_start(year), year_end(year)
    events = list(
        selectors.published_events()
        .filter(starts_at__date__gte=start, starts_at__date__lte=end)
        .order_by("starts_at", "title")
    )
    return Section(
        context={"events": events},
        printed={
            "events": [f"{e.starts_at.date().isoformat()} {e.title}" for e in events],
            "count": len(events),
        },
    )


def register() -> None:
    register_section(
        REVIEW,
        "events",
        order=60,
        title=_("Events"),
        build=events_section,
        template="events/report_sections/events.html",
    )
