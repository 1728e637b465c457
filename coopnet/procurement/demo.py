"""Demo procurement data from the seeds: the network's DPS, 1 April 2020 to 31 March 2025.

- The Review of the Year 2021/22 names the 20 organisations on the DPS on 31 July 2022 and
  describes one pool of suppliers "to help develop policy, implement prototypes and build
  capacity": the seeds name no separate lots, so the DPS has one category covering the three.
- The seeds give no admission dates: each of the 20 is admitted "by 31 July 2022", the start
  marked approximate, never an invented date. The suppliers are organisations of the registry,
  loaded with it (coopnet.demo.seed): 13 are Affiliate members, 7 are of the kind "supplier".
- The 2021 LGA report gives 18 provider organisations at the launch (April 2020): a reported
  figure, since the seeds do not name them.
Idempotent: the arrangement by slug, categories by slug, suppliers by slug, admissions by
supplier and category, the figure by key and date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy

from coopnet.core.models import ReportedFigure
from coopnet.demo.loader import LoadSummary, upsert
from coopnet.demo.seed import sources as s
from coopnet.members.models import Organisation, OrganisationKind

from .models import Admission, Arrangement, Category, Regime

LABELS = {
    "procurement_arrangements": gettext_lazy("purchasing arrangements"),
    "procurement_categories": gettext_lazy("purchasing categories"),
    "procurement_suppliers": gettext_lazy("supplier organisations"),
    "procurement_admissions": gettext_lazy("supplier admissions"),
}

DPS_SLUG = "dps-2020-2025"
DPS_START = date(2020, 4, 1)
DPS_END = date(2025, 3, 31)
AS_AT = s.YEAR_END_2022
ON_THE_DPS = f"{s.REVIEW_2022}: on the DPS on 31 July 2022"
LAUNCH_NOTE = "At the launch in April 2020 (day not given); the seeds do not name the 18."

# (name as the review prints it, slug of the registry organisation)
SUPPLIERS_2022: tuple[tuple[str, str], ...] = (
    ("4OC", "4oc"),
    ("Branding.coop", "branding-coop"),
    ("Centrifuge", "centrifuge"),
    ("CLES Consulting", "cles-consulting"),
    ("Climate Positive", "climate-positive"),
    ("Collaborate CIC", "collaborate-cic"),
    ("Cooperative Futures", "co-operative-futures"),
    ("Co-operative College", "co-operative-college"),
    ("Co-operatives UK", "co-operatives-uk"),
    ("Crellin Consulting", "crellin-consulting"),
    ("Ideas Alliance", "ideas-alliance"),
    ("Made Open", "made-open"),
    ("Mutual Ventures", "mutual-ventures"),
    ("Peopletoo", "peopletoo"),
    ("RedQuadrant", "redquadrant"),
    ("Ruby Star Associates", "ruby-star-associates"),
    ("Stir to Action", "stir-to-action"),
    ("The Behaviouralist", "the-behaviouralist"),
    ("Trueman Change", "trueman-change"),
    ("Unlimited Potential", "unlimited-potential"),
)

QUESTIONS = [
    {"key": "experience", "text": "Describe comparable work for councils or communities."},
    {"key": "co-operative", "text": "How does your work reflect co-operative values?"},
    {
        "key": "insurance",
        "text": "What professional indemnity and public liability cover do you hold?",
    },
]


def _supplier(name: str, slug: str, summary: LoadSummary) -> Organisation:
    """The registry's organisation (the registry loader loads them first)."""
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    organisation, outcome = upsert(
        Organisation,
        {"slug": slug},
        {"name": name},
        create_only={"kind": OrganisationKind.SUPPLIER},
    )
    summary.count("procurement_suppliers", outcome)
    return organisation


def load(summary: LoadSummary) -> None:
    dps, outcome = upsert(
        Arrangement,
        {"slug": DPS_SLUG},
        {
            "name": "Dynamic Purchasing System 2020–2025",
            "regime": Regime.PCR_2015_DPS,
            "description": (
                "A multi-supplier DPS through which Full and Associate members, and the network "
                "itself, buy expertise to develop policy, implement prototypes and build "
                "capacity, in communities and inside their organisations."
            ),
            "start": DPS_START,
            "end": DPS_END,
            "user_guide_url": "https://councils.coop/dps",
            "eligible_buyer_categories": ["full", "associate"],
            "network_may_buy": True,
        },
    )
    summary.count("procurement_arrangements", outcome)
    category, outcome = upsert(
        Category,
        {"arrangement": dps, "slug": "policy-prototyping-capacity"},
        {
            "name": "Policy, prototyping and capacity building",
            "description": "Developing policy, implementing prototypes and building capacity.",
            "questions": QUESTIONS,
            "questions_version": 1,
            "order": 0,
        },
    )
    summary.count("procurement_categories", outcome)
    for name, slug in SUPPLIERS_2022:
        supplier = _supplier(name, slug, summary)
        _, outcome = upsert(
            Admission,
            {"organisation": supplier, "category": category},
            {
                "start": AS_AT,
                "start_is_approximate": True,
                "end": DPS_END,
                "source": ON_THE_DPS,
            },
        )
        summary.count("procurement_admissions", outcome)
    _, outcome = upsert(
        ReportedFigure,
        {"key": "dps-suppliers", "as_of": DPS_START},
        {"value": Decimal(18), "source": s.LGA_2021, "note": LAUNCH_NOTE},
    )
    summary.count("figures", outcome)


__all__ = ["LABELS", "SUPPLIERS_2022", "load"]
