"""Governance's sections of the network's reports (`coopnet.core.reports`): each body, who held
its seats on 31 July of the membership year, and what was vacant; and (for the welcome pack) each
body's seats as the seat definitions hold them, and how often elections are held."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_end
from coopnet.core.reports import LGA, REVIEW, WELCOME, Section, register_section

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


def welcome_governance_section(year: int) -> Section | None:
    bodies = list(selectors.bodies_with_seats())
    if not bodies:
        return None
    printed: dict = {}
    for body in bodies:
        seats = list(body.seats.all())
        printed[f"{body.slug}.places"] = sum(seat.places for seat in seats)
        printed[f"{body.slug}.seats"] = [f"{seat.places} {seat.name}" for seat in seats]
        printed[f"{body.slug}.term-years"] = body.term_years
    return Section(context={"bodies": bodies}, printed=printed)


def register() -> None:
    register_section(
        WELCOME,
        "governance",
        order=20,
        title=_("How the network is governed"),
        build=welcome_governance_section,
        template="governance/report_sections/welcome_governance.html",
    )
    for kind in (REVIEW, LGA):
        register_section(
            kind,
            "governance",
            order=30,
            title=_("Governance"),
            build=governance_section,
            template="governance/report_sections/governance.html",
        )
