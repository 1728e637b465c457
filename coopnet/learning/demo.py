"""Learning from the seeds: the two certified training programmes on the Co-operative College's
Learnworlds platform, the three-phase induction, and version 1 of the framework (a criterion per
network principle, and the "Being a Co-operative Council" actions under their two themes).

The seeds say the network offers two certified programmes on that platform, developed with the
Co-operative College for councillors and officers to explain the Being a Co-operative Council
themes; they give neither titles nor durations, so the titles below say what they are for and the
durations are left empty. No self-assessment or peer review is loaded: none of a real council is
invented.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy

from coopnet.core.models import Principle
from coopnet.demo.loader import CREATED, LoadSummary, upsert

from .content import ACTIONS, CRITERIA, LEVEL_NAMES
from .models import Audience, ChecklistItem, Criterion, Framework, InductionStep, Level, Programme
from .phases import load_steps

LABELS = {
    "learning_programmes": gettext_lazy("training programmes"),
    "learning_framework": gettext_lazy("framework criteria and actions"),
    "learning_induction": gettext_lazy("induction steps"),
}

PLATFORM = "Learnworlds"
LINK = "https://bit.ly/ccin_training"
PROGRAMMES = [
    (
        "being-a-co-operative-council-councillors",
        "Being a Co-operative Council: for councillors",
        Audience.COUNCILLORS,
        "The ideas behind Community Wealth Building and Co-operative Placemaking, and what "
        "councillors can do with them in their wards and on the council.",
    ),
    (
        "being-a-co-operative-council-officers",
        "Being a Co-operative Council: for officers",
        Audience.OFFICERS,
        "The same themes for officers: procurement, assets, enterprise support and engagement "
        "in practice.",
    ),
]


def _programmes(summary: LoadSummary) -> None:
    for order, (slug, title, audience, text) in enumerate(PROGRAMMES, start=1):
        _, outcome = upsert(
            Programme,
            {"slug": slug},
            {
                "title": title,
                "provider": "Co-operative College",
                "platform": PLATFORM,
                "certified": True,
                "link": LINK,
                "audience": audience,
                "summary": text,
                "order": order,
            },
        )
        summary.count("learning_programmes", outcome)


def load_framework(summary: LoadSummary | None = None) -> Framework:
    """Version 1 of the framework (idempotent)."""
    framework, outcome = upsert(
        Framework,
        {"version": 1},
        {
            "title": "Co-operative council framework",
            "published_on": date(2026, 1, 1),
            "is_current": True,
        },
    )
    if summary is not None:
        summary.count("learning_framework", outcome)
    principles = {p.slug: p for p in Principle.objects.filter(family=Principle.Family.NETWORK)}
    for slug, (title, guidance, levels) in CRITERIA.items():
        principle = principles.get(slug)
        if principle is None:
            continue
        criterion, outcome = upsert(
            Criterion,
            {"framework": framework, "principle": principle, "order": 1},
            {"title": title, "guidance": guidance},
        )
        if summary is not None:
            summary.count("learning_framework", outcome)
        for score, (name, description) in enumerate(zip(LEVEL_NAMES, levels, strict=True), 1):
            upsert(
                Level,
                {"criterion": criterion, "score": score},
                {"name": name, "description": description},
            )
    for group, items in ACTIONS.items():
        for order, (slug, title, guidance) in enumerate(items, start=1):
            _, outcome = upsert(
                ChecklistItem,
                {"framework": framework, "slug": slug},
                {"group": group, "title": title, "guidance": guidance, "order": order},
            )
            if summary is not None:
                summary.count("learning_framework", outcome)
    return framework


def load(summary: LoadSummary) -> None:
    _programmes(summary)
    created = load_steps(InductionStep)
    for _ in range(created):
        summary.count("learning_induction", CREATED)
    load_framework(summary)
