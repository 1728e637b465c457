"""Procurement's section of the network's reports (`coopnet.core.reports`): each Dynamic
Purchasing System in force on 31 July of the membership year and its admitted suppliers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_end
from coopnet.core.reports import REVIEW, Section, register_section

from . import selectors


def dps_section(year: int) -> Section | None:
    on = year_end(year)
    systems = [
        (arrangement, selectors.suppliers_on(arrangement, on))
        for arrangement in selectors.arrangements()
    ]
    systems = [(a, rows) for a, rows in systems if rows]
    if not systems:
        return None
    return Section(
        context={"systems": systems, "on": on},
        printed={
            f"{a.slug}.suppliers": [row["organisation"].name for row in rows] for a, rows in systems
        },
    )


def register() -> None:
    register_section(
        REVIEW,
        "dps",
        order=70,
        title=_("Dynamic Purchasing System"),
        build=dps_section,
        template="procurement/report_sections/dps.html",
    )
