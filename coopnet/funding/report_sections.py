"""Funding's sections of the network's reports (`coopnet.core.reports`): the projects funded in
the membership year, and (for the welcome pack) each scheme's cap and pot.

The round a membership year reports is the round of the calendar year the membership year ends
in: the Review of the Year 2021/22 reports the 2022 round.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from coopnet.core.reports import LGA, REVIEW, WELCOME, Section, register_section
from coopnet.members.models import Organisation

from .models import Project, Round, Scheme, SchemeRule


def round_year(year: int) -> int:
    return year + 1


def funded_projects_section(year: int) -> Section | None:
    projects = list(
        Project.objects.filter(is_published=True, round__year=round_year(year))
        .select_related("scheme", "lead", "round")
        .prefetch_related(Prefetch("partners", queryset=Organisation.objects.order_by("name")))
        .order_by("scheme__order", "title")
    )
    if not projects:
        return None
    by_scheme: dict[str, list[Project]] = {}
    for project in projects:
        by_scheme.setdefault(project.scheme.name, []).append(project)
    return Section(
        context={"by_scheme": by_scheme, "round_year": round_year(year)},
        printed={
            "projects": [
                f"{p.title} ({p.scheme.name}; {p.lead.name if p.lead else '-'})" for p in projects
            ],
            "count": len(projects),
        },
    )


@dataclass
class SchemeTerms:
    scheme: Scheme
    cap: Decimal | None
    pot: Decimal | None
    rule: SchemeRule | None = None


def funding_terms(year: int) -> list[SchemeTerms]:
    """Each scheme's cap (its rule for the round) and pot in the latest round up to the year."""
    rnd = (
        Round.objects.filter(year__lte=round_year(year))
        .prefetch_related("pots")
        .order_by("-year")
        .first()
    )
    pots = {p.scheme_id: p.amount for p in rnd.pots.all()} if rnd else {}
    terms = []
    for scheme in Scheme.objects.prefetch_related("rules").order_by("order"):
        rule = scheme.rule_for(round_year(year))
        terms.append(SchemeTerms(scheme, rule.cap if rule else None, pots.get(scheme.pk), rule))
    return terms


def welcome_funding_section(year: int) -> Section | None:
    terms = funding_terms(year)
    if not terms:
        return None
    pots = [t.pot for t in terms if t.pot is not None]
    total = sum(pots, Decimal(0)) if pots else None
    printed: dict = {f"{t.scheme.slug}.cap": t.cap for t in terms}
    printed.update({f"{t.scheme.slug}.pot": t.pot for t in terms})
    printed["pot"] = total
    return Section(context={"terms": terms, "total": total}, printed=printed)


def register() -> None:
    for kind in (REVIEW, LGA):
        register_section(
            kind,
            "funded-projects",
            order=40,
            title=_("Funded projects"),
            build=funded_projects_section,
            template="funding/report_sections/projects.html",
        )
    register_section(
        WELCOME,
        "funding",
        order=40,
        title=_("Funding rounds"),
        build=welcome_funding_section,
        template="funding/report_sections/welcome_funding.html",
    )
