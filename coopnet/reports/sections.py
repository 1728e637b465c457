"""The reports app's own sections: what staff write for the year (welcome, highlights; for the
LGA report the group's details, aim and key activities) and the contact page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_end
from coopnet.core.reports import LGA, REVIEW, Section, register_section
from coopnet.governance import selectors as governance
from coopnet.governance.selectors import NetworkLead
from coopnet.members.joining.welcome import contacts

from .models import YearNarrative


def narrative_of(year: int) -> YearNarrative:
    return YearNarrative.objects.filter(year=year).first() or YearNarrative(year=year)


def welcome_section(year: int) -> Section | None:
    narrative = narrative_of(year)
    if not (narrative.welcome or narrative.highlights):
        return None
    return Section(
        context={"narrative": narrative},
        printed={"welcome": narrative.welcome, "highlights": narrative.highlight_lines},
    )


def contact_section(year: int) -> Section:
    return Section(context={"contacts": contacts(), "network": settings.NETWORK_NAME})


@dataclass
class Lead:
    """The LGA report's lead member or lead officer: from governance when it records one on 31
    July (`recorded`, with the role it was read from), otherwise what staff typed for the year."""

    text: str
    recorded: NetworkLead | None
    on: date
    is_officer: bool = False

    @property
    def source(self) -> str:
        """Where the name comes from, as stored with a generation."""
        if self.recorded is not None:
            return f"governance: {self.recorded.body}, {self.recorded.held_as}"
        return "typed by staff" if self.text else ""


def _lead(recorded: NetworkLead | None, typed: str, on: date, *, is_officer: bool) -> Lead:
    if recorded is None:
        return Lead(typed, None, on, is_officer)
    parts = [recorded.name, recorded.title, recorded.organisation]
    return Lead(", ".join(p for p in parts if p), recorded, on, is_officer)


def lga_details_section(year: int) -> Section:
    narrative = narrative_of(year)
    on = year_end(year)
    member = _lead(governance.network_lead_member(on), narrative.lead_member, on, is_officer=False)
    officer = _lead(
        governance.network_lead_officer(on), narrative.lead_officer, on, is_officer=True
    )
    return Section(
        context={
            "lead_member": member,
            "lead_officer": officer,
            "contacts": contacts(),
            "network": settings.NETWORK_NAME,
        },
        printed={
            "lead-member": member.text,
            "lead-member-source": member.source,
            "lead-officer": officer.text,
            "lead-officer-source": officer.source,
        },
    )


def lga_aim_section(year: int) -> Section | None:
    narrative = narrative_of(year)
    return Section(context={"narrative": narrative}) if narrative.aim else None


def lga_activities_section(year: int) -> Section | None:
    narrative = narrative_of(year)
    lines = narrative.activity_lines
    return Section(context={"lines": lines}, printed={"activities": lines}) if lines else None


def register() -> None:
    sections = "reports/sections/{}.html"
    register_section(
        REVIEW,
        "welcome",
        order=5,
        title=_("Welcome and highlights of the year"),
        build=welcome_section,
        template=sections.format("welcome"),
    )
    register_section(
        REVIEW,
        "contact",
        order=100,
        title=_("Contact us"),
        build=contact_section,
        template=sections.format("contact"),
    )
    register_section(
        LGA,
        "details",
        order=1,
        title=_("Special Interest Group"),
        build=lga_details_section,
        template=sections.format("lga_details"),
    )
    register_section(
        LGA,
        "aim",
        order=25,
        title=_("Aim"),
        build=lga_aim_section,
        template=sections.format("lga_aim"),
    )
    register_section(
        LGA,
        "activities",
        order=35,
        title=_("Key activities and outcomes"),
        build=lga_activities_section,
        template=sections.format("lga_activities"),
    )
