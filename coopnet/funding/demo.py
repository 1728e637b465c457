"""Funded projects from the seeds: the 2020 and 2022 rounds and the reports launched in 2022.

Only what the documents say: leads, partners and councils named, statuses given, the month a
report was launched. The one amount the seeds give is the 2020 Policy Prototypes': the network
offered each council £1,500 and funded all 13 bids (LGA report 2020), so those 13 carry £1,500,
awarded in January 2020 (the month of the meeting that funded them; the last day stands for it),
and are the demo's 360Giving grants. Every other document gives only a cap ("up to £20,000"),
never what a project received, so no other amount is loaded.
Loading is idempotent: rounds by year, projects by slug, publications by slug (created only
when missing, so the knowledge demo's own version of a publication is never overwritten).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.demo.loader import CREATED, UNCHANGED, LoadSummary, upsert
from coopnet.knowledge.services import publication_for_demo
from coopnet.members.models import Organisation

from .models import Project, Round, RoundPot, Scheme

if TYPE_CHECKING:
    from coopnet.knowledge.models import Publication

LABELS = {
    "funding_rounds": gettext_lazy("funding rounds"),
    "funded_projects": gettext_lazy("funded projects"),
    "funding_publications": gettext_lazy("publications (project outputs)"),
}

LGA_2021 = "LGA Special Interest Group annual report 2021: Funded projects 2020"
LGA_2020 = "LGA Special Interest Group annual report 2020: Policy Labs funded"
REVIEW_2022 = "Review of the Year 2021/22"
STRATEGY = "Strategy 2024–2026: notes to the measures"

LAB, PROTOTYPE = "lab", "prototype"
A, PC, C, RL = "active", "partially_completed", "completed", "report_launched"
FEBRUARY_2022 = date(2022, 2, 1)  # the reviews give the month only
# "we offered councils £1500 to deliver Policy Prototypes ... It was agreed to fund all 13 Bids"
PROTOTYPE_AMOUNT_2020 = Decimal("1500")
JANUARY_2020 = date(2020, 1, 31)  # the joint EOC and V&P Board meeting; day not given


@dataclass(frozen=True)
class SeedProject:
    title: str
    scheme: str
    lead: str | None  # seed organisation slug; None = the network or not recorded
    status: str
    source: str
    year: int | None = None
    led_by_network: bool = False
    participants: tuple[str, ...] = ()
    output: tuple[str, str] | None = None  # (exact title in the seeds, kind)
    launched_feb_2022: bool = False
    amount: Decimal | None = None
    awarded_on: date | None = None


def _p(title: str, lead: str) -> SeedProject:
    """A 2020 health and social care Policy Prototype: all 13 bids were funded."""
    return SeedProject(
        title,
        PROTOTYPE,
        lead,
        C,
        f"{LGA_2021} (13 bids received, all funded; findings later analysed in the "
        "Cooperative Difference in Care report). Amount: LGA Special Interest Group annual "
        "report 2020 (£1,500 offered to each council; all 13 bids funded, January 2020)",
        year=2020,
        participants=(lead,),
        amount=PROTOTYPE_AMOUNT_2020,
        awarded_on=JANUARY_2020,
    )


ROCHDALE = "rochdale-metropolitan-borough-council"
KIRKLEES = "kirklees-council"
PLYMOUTH = "plymouth-city-council"
STEVENAGE = "stevenage-borough-council"
SOUTHAMPTON = "southampton-city-council"
CWAC = "cheshire-west-chester-council"
GMCA = "greater-manchester-combined-authority"
TELFORD = "telford-and-wrekin-council"

PROTOTYPES_2020 = [
    _p("Enabling a dementia-friendly Burntwood", "burntwood-town-council"),
    _p("Co-operative Engagement - Toolkit tests", ROCHDALE),
    _p("Connecting Communities: Stevenage Community Transport Service", STEVENAGE),
    _p("Kirklees Adult Social Care Vision – Social Marketing", KIRKLEES),
    _p("Catalysing Care Co-operatives through Community Engagement", KIRKLEES),
    _p("Personalised Commissioning model comparison event: Beyond Time and Task", KIRKLEES),
    _p("Health & Social Care Urgent Response Team", TELFORD),
    _p("Plymouth Complex Leads Alliance - workforce development programme", PLYMOUTH),
    _p("Plymouth Diabaters", PLYMOUTH),
    _p("Plymouth Health and Wellbeing Hubs", PLYMOUTH),
    _p("Living Well at Home (LWAH)", "tameside-council"),
    _p(
        "Neighbourhood Conversations - co-operative approach to strengthening community "
        "resilience at a locality level",
        SOUTHAMPTON,
    ),
    _p(
        "Co-operative Care Summit – harnessing the strength of the local community, voluntary "
        "and social enterprise sector to deliver innovative approaches in delivering health and "
        "social care",
        SOUTHAMPTON,
    ),
]

LAB_UPDATE = f"{LGA_2021}: Policy Lab updates (progress monitored in 2020)"
LABS_2020 = [
    SeedProject("Beyond Asset Management", LAB, "newcastle-city-council", A, LAB_UPDATE, 2020),
    SeedProject(
        "Promoting the Cities of Service model of social action to CCIN members",
        LAB,
        PLYMOUTH,
        PC,
        f"{LAB_UPDATE}; listed as partially completed",
        2020,
    ),
    SeedProject(
        "Co-operative Approaches to Sustainable Food", LAB, "oldham-council", A, LAB_UPDATE, 2020
    ),
    SeedProject("Co-operative Neighbourhoods", LAB, STEVENAGE, A, LAB_UPDATE, 2020),
    SeedProject(
        "Co-operatives Unleashed: as seen from the Grassroots 2020",
        LAB,
        PLYMOUTH,
        RL,
        f"{LAB_UPDATE}; the report's launch is among the year's highlights",
        2020,
        output=("Co-operatives Unleashed: as seen from the Grassroots", "policy_lab_report"),
    ),
]

APPROVED_2022 = f"{REVIEW_2022}: Funded projects 2022 (approved)"
ROUND_2022 = [
    SeedProject("Democratising Policy Solutions", LAB, ROCHDALE, A, APPROVED_2022, 2022),
    SeedProject(
        "Art & Culture for Social Cohesion",
        LAB,
        "north-hertfordshire-district-council",
        A,
        APPROVED_2022,
        2022,
    ),
    SeedProject(
        "Study Visit to Mondragon for CCIN Members",
        LAB,
        None,
        A,
        f"{APPROVED_2022}; led and organised by the network",
        2022,
        led_by_network=True,
    ),
    SeedProject("Cooperative Development Toolkit", LAB, KIRKLEES, A, APPROVED_2022, 2022),
    SeedProject(
        "Translating Cooperative Values into 'Social Values' for Procurement",
        PROTOTYPE,
        "oxford-city-council",
        A,
        APPROVED_2022,
        2022,
        participants=("oxford-city-council",),
    ),
]

LAUNCHED = f"{REVIEW_2022}: Publications (launched February 2022; councils that took part)"
REPORTS_2022 = [
    SeedProject(
        "Cooperative Difference in Care",
        LAB,
        None,
        RL,
        f"{LAUNCHED}; commissioned by the network in 2021",
        led_by_network=True,
        participants=(
            "billingham-town-council",
            "burntwood-town-council",
            KIRKLEES,
            PLYMOUTH,
            "preston-city-council",
            ROCHDALE,
            "south-ribble-borough-council",
            STEVENAGE,
            "tameside-council",
            TELFORD,
            "torbay-council",
        ),
        output=("Cooperative Difference in Care", "policy_lab_report"),
        launched_feb_2022=True,
    ),
    SeedProject(
        "Understanding the Digital Divide",
        LAB,
        None,
        RL,
        f"{LAUNCHED}; lead not named",
        participants=(
            "cardiff-council",
            CWAC,
            GMCA,
            KIRKLEES,
            PLYMOUTH,
            ROCHDALE,
            "sunderland-city-council",
        ),
        output=("Understanding the Digital Divide", "toolkit"),
        launched_feb_2022=True,
    ),
    SeedProject(
        "Cooperative Approaches to Reaching Net Zero",
        LAB,
        None,
        RL,
        f"{LAUNCHED}; lead not named",
        participants=(
            "birmingham-city-council",
            CWAC,
            GMCA,
            KIRKLEES,
            "oldham-council",
            "oxford-city-council",
            PLYMOUTH,
            TELFORD,
        ),
        output=("Cooperative Approaches to Reaching Net Zero", "policy_lab_report"),
        launched_feb_2022=True,
    ),
]

PROJECTS = [*PROTOTYPES_2020, *LABS_2020, *ROUND_2022, *REPORTS_2022]

ROUNDS: list[dict[str, Any]] = [
    {
        "year": 2020,
        "theme": "Co-operative solutions to the health and social care crisis",
        "description": (
            "Policy Prototypes of up to £1,500 to be completed in six to nine months; all 13 bids "
            "were reviewed and funded by a joint EOC and V&P Board meeting in Stevenage, "
            "January 2020."
        ),
        "pots": {},
    },
    {
        "year": 2022,
        "theme": "",
        "description": "Policy Labs of up to £20,000 and Policy Prototypes of up to £2,000.",
        # The strategy: £75k a year for policy projects, £60k for Labs and £15k for Prototypes.
        "pots": {LAB: Decimal("60000"), PROTOTYPE: Decimal("15000")},
    },
]


def _organisation(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def _publication(title: str, kind: str, summary: LoadSummary, launched: bool) -> Publication:
    publication, created = publication_for_demo(
        slug=slugify(title),
        title=title,
        kind=kind,
        published_on=FEBRUARY_2022 if launched else None,
    )
    summary.count("funding_publications", CREATED if created else UNCHANGED)
    return publication


def _load_rounds(summary: LoadSummary) -> dict[int, Round]:
    schemes = {s.kind: s for s in Scheme.objects.all()}
    result = {}
    for item in ROUNDS:
        rnd, outcome = upsert(
            Round,
            {"year": item["year"]},
            {"theme": item["theme"], "description": item["description"]},
        )
        summary.count("funding_rounds", outcome)
        for kind, amount in item["pots"].items():
            upsert(RoundPot, {"round": rnd, "scheme": schemes[kind]}, {"amount": amount})
        result[rnd.year] = rnd
    return result


def _sync_m2m(manager: Any, wanted: list[Any]) -> bool:
    if {o.pk for o in manager.all()} == {o.pk for o in wanted}:
        return False
    manager.set(wanted)
    return True


def _load_project(item: SeedProject, rounds: dict[int, Round], summary: LoadSummary) -> Project:
    lead = _organisation(item.lead) if item.lead else None
    values = {
        "title": item.title,
        "scheme": Scheme.objects.get(kind=item.scheme),
        "round": rounds.get(item.year) if item.year else None,
        "lead": lead,
        "led_by_network": item.led_by_network,
        "status": item.status,
        "source": item.source,
        "report_launched_on": FEBRUARY_2022 if item.launched_feb_2022 else None,
        "report_launched_month_only": item.launched_feb_2022,
        "amount": item.amount,
        "awarded_on": item.awarded_on,
    }
    slug = slugify(f"{item.title} {item.year or ''}")[:100]
    project, outcome = upsert(Project, {"slug": slug}, values)
    participants = [_organisation(s) for s in item.participants] or ([lead] if lead else [])
    changed = _sync_m2m(project.participants, participants)
    if item.output:
        pub = _publication(*item.output, summary=summary, launched=item.launched_feb_2022)
        changed = _sync_m2m(project.outputs, [pub]) or changed
    if changed and outcome == UNCHANGED:
        outcome = "updated"
    summary.count("funded_projects", outcome)
    return project


def load(summary: LoadSummary) -> None:
    with acting_as(System("load_demo")):
        rounds = _load_rounds(summary)
        for item in PROJECTS:
            _load_project(item, rounds, summary)
