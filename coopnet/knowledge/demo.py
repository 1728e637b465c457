"""Demo data for the knowledge hub, from the seeds (../shared/seeds/).

The publications the documents name, with the councils that took part where they name them; the
themes and the Being a Co-operative Council actions; and, for case studies, only the counts the
documents give (as reported figures). No case study is made up: the seeds name none.
Idempotent: publications are found by slug (slugify of the exact title), themes and actions by
slug, figures by key and date; only what differs is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.core.models import ReportedFigure
from coopnet.demo import seed
from coopnet.demo.loader import CREATED, UNCHANGED, UPDATED, LoadSummary, council_code, upsert
from coopnet.demo.seed import sources as s
from coopnet.members.models import COUNCIL_KINDS, Organisation
from coopnet.members.reference import name_lookup

from .models import Action, Publication, Theme
from .reference import action_rows, theme_rows
from .services.search import refresh_search

LABELS = {
    "publications": gettext_lazy("publications"),
    "themes": gettext_lazy("themes"),
    "council-actions": gettext_lazy("Being a Co-operative Council actions"),
}

K = Publication.Kind
FEBRUARY_2022 = date(2022, 2, 28)  # "launched in February 2022" (day not given)


@dataclass(frozen=True)
class SeedPublication:
    title: str  # exactly as the seeds give it; the slug is slugify(title)
    kind: str
    summary: str
    published_on: date | None = None
    external_url: str = ""
    organisations: tuple[str, ...] = ()  # seed organisation names
    themes: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.title)


PUBLICATIONS = (
    SeedPublication(
        "Cooperative Difference in Care",
        K.POLICY_LAB_REPORT,
        "Peopletoo's analysis of fifteen of the 2020 health and social care Policy Prototypes: "
        "how co-operative principles help councils and communities answer the crisis in care, "
        "and why government should back co-operatives as part of the answer.",
        FEBRUARY_2022,
        "https://bit.ly/CCIN-care",
        (
            "Billingham Town Council",
            "Burntwood Town Council",
            "Kirklees Council",
            "Plymouth City Council",
            "Preston City Council",
            "Rochdale Metropolitan Borough Council",
            "South Ribble Borough Council",
            "Stevenage Borough Council",
            "Tameside Council",
            "Telford and Wrekin Council",
            "Torbay Council",
        ),
        ("care",),
    ),
    SeedPublication(
        "Understanding the Digital Divide",
        K.POLICY_LAB_REPORT,
        "A practical toolkit on digital exclusion: tools to find out who is excluded, where they "
        "live and what stops them getting online, and the interventions councils trialled to "
        "help people get connected.",
        FEBRUARY_2022,
        "https://bit.ly/CCIN-digital",
        (
            "Cardiff Council",
            "Cheshire West & Chester Council",
            "Greater Manchester Combined Authority",
            "Kirklees Council",
            "Plymouth City Council",
            "Rochdale Metropolitan Borough Council",
            "Sunderland City Council",
        ),
        ("digital-inclusion",),
    ),
    SeedPublication(
        "Cooperative Approaches to Reaching Net Zero",
        K.POLICY_LAB_REPORT,
        "Report and toolkit on how co-operative councils work with their places towards net "
        "zero, from citizens' assemblies to community-backed e-cargo bike schemes, with "
        "resources for approaches that can be started quickly.",
        FEBRUARY_2022,
        "https://bit.ly/CCIN-Net-Zero",
        (
            "Birmingham City Council",
            "Cheshire West & Chester Council",
            "Greater Manchester Combined Authority",
            "Kirklees Council",
            "Oldham Council",
            "Oxford City Council",
            "Plymouth City Council",
            "Telford and Wrekin Council",
        ),
        ("net-zero",),
    ),
    SeedPublication(
        "Co-operatives Unleashed: as seen from the Grassroots",
        K.POLICY_LAB_REPORT,
        "Policy Lab report led by Plymouth City Council with practical steps councils can take "
        "to grow the co-operative economy.",
        None,
        "",
        ("Plymouth City Council",),
        ("community-wealth-building",),
    ),
    SeedPublication(
        "Winter 2019 Case Studies Pack",
        K.CASE_STUDIES_PACK,
        "The network's printed case studies pack for winter 2019.",
    ),
    SeedPublication(
        "Winter 2020 Case Studies Pack",
        K.CASE_STUDIES_PACK,
        "The network's printed case studies pack for winter 2020.",
    ),
    SeedPublication(
        "Building resilient neighbourhoods",
        K.CASE_STUDIES_PACK,
        "The 2021/22 case studies pack: 62 case studies of co-operative councils working with "
        "local people.",
        None,
        "https://bit.ly/CCIN-projects",
    ),
    SeedPublication(
        "Revised CCIN Constitution",
        K.CONSTITUTION,
        "The network's constitution and terms of reference, revised from 2021 and approved at "
        "the 2021 AGM held in February 2022: roles of the governance bodies and membership "
        "categories, the election procedure and the complaints procedure.",
        FEBRUARY_2022,
        "https://bit.ly/ccin-constitution",
    ),
    SeedPublication(
        "Strategy and Action Plan 2021 – 2023",
        K.STRATEGY,
        "Four themes, each led by a member of the Executive Oversight Committee: information "
        "sharing, networks, training on the values and principles, and national influence.",
        None,
        "https://councils.coop/about-us/governance/strategy-2021-2023",
    ),
)

# Counts of case studies the seeds give without naming them (kept as reported figures; the
# network-wide totals, key "case-studies", are loaded by coopnet.demo with the other figures).
FIGURES = (
    (
        "case-studies-in-pack",
        s.YEAR_END_2022,
        Decimal(62),
        s.REVIEW_2022,
        "Building resilient neighbourhoods, the 2021/22 case studies pack.",
    ),
)


def _organisation(name: str, lookup: dict[str, str]) -> Organisation:
    """A seed organisation, found the way the registry loader finds it."""
    item = next(o for o in seed.ORGANISATIONS if o.name == name)
    if item.kind in COUNCIL_KINDS:
        return Organisation.objects.get(local_authority_id=council_code(name, lookup))
    return Organisation.objects.get(slug=item.slug)


def load_reference(summary: LoadSummary) -> None:
    themes = {}
    for lookup, values in theme_rows():
        themes[lookup["slug"]], outcome = upsert(Theme, lookup, values)
        summary.count("themes", outcome)
    for theme, lookup, values in action_rows():
        _, outcome = upsert(Action, lookup, {**values, "theme": themes[theme]})
        summary.count("council-actions", outcome)


def _set_links(publication: Publication, item: SeedPublication, lookup: dict[str, str]) -> bool:
    organisations = {_organisation(name, lookup).pk for name in item.organisations}
    themes = set(Theme.objects.filter(slug__in=item.themes).values_list("pk", flat=True))
    changed = False
    if set(publication.organisations.values_list("pk", flat=True)) != organisations:
        publication.organisations.set(organisations)
        changed = True
    if set(publication.themes.values_list("pk", flat=True)) != themes:
        publication.themes.set(themes)
        changed = True
    return changed


def load_publications(summary: LoadSummary) -> None:
    lookup = name_lookup()
    for item in PUBLICATIONS:
        values = {
            "title": item.title,
            "kind": item.kind,
            "summary": item.summary,
            "published_on": item.published_on,
            "external_url": item.external_url,
        }
        publication, outcome = upsert(Publication, {"slug": item.slug}, values)
        if _set_links(publication, item, lookup):
            refresh_search(publication)
            outcome = UPDATED if outcome == UNCHANGED else outcome
        summary.count("publications", outcome)


def load_figures(summary: LoadSummary) -> None:
    for key, as_of, value, source, note in FIGURES:
        values = {"value": value, "source": source, "note": note}
        _, outcome = upsert(ReportedFigure, {"key": key, "as_of": as_of}, values)
        summary.count("figures", outcome)


def load(summary: LoadSummary) -> None:
    with acting_as(System("load_demo")):
        load_reference(summary)
        load_publications(summary)
        load_figures(summary)


__all__ = ["CREATED", "LABELS", "PUBLICATIONS", "load"]
