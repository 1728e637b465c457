"""Governance's section of the network's reports (`coopnet.core.reports`): each body, who held
its seats on 31 July of the membership year, and what was vacant."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_end
from coopnet.core.reports import LGA, REVIEW, Section, register_section

from . import selectors


def governance_section(year: int) -> Section | None:
    on = year_end(year)
    pages = [selectors.body_page(body.slug, on) for body in selectors.bodies()]
    if not pages:
        return None
    printed: dict = {}
    for page in pages:
        printed[f"{page.body.slug}.members"] = sorted(
            f"{a.person.public_label} ({row.seat.name})" for row in page.rows for a in row.holders
        )
        printed[f"{page.body.slug}.vacancies"] = page.vacancies
    return Section(context={"pages": pages, "on": on}, printed=printed)


def register() -> None:
    for kind in (REVIEW, LGA):
        register_section(
            kind,
            "governance",
            order=30,
            title=_("Governance"),
            build=governance_section,
            template="governance/report_sections/governance.html",
        )
