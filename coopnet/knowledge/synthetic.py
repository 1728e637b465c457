"""Synthetic case studies for benchmarks only (never for the demo): realistic length (about 800
words each), titles, summaries, principles, themes, actions, lead and participating members drawn
from the organisations already in the database (run coopnet.demo.synthetic first).

Rows are written in bulk, so no search-index signal fires: rebuild the index afterwards
(`python manage.py rebuild_search_index`). The same seed gives the same case studies.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from coopnet.core.models import Principle
from coopnet.members.models import COUNCIL_KINDS, Organisation

from .models import Action, CaseStudy, Theme

BATCH_SIZE = 500
MARK = "synthetic"  # every synthetic slug starts with this, so they are easy to find and remove

PLACES = (
    "estate",
    "high street",
    "town centre",
    "ward",
    "neighbourhood",
    "village",
    "market town",
    "district",
    "riverside",
    "seafront",
)
SUBJECTS = {
    "net-zero": (
        "community energy co-operative",
        "retrofit programme",
        "e-cargo bike scheme",
        "solar share offer",
        "citizens' assembly on climate",
        "heat network",
    ),
    "care": (
        "home care co-operative",
        "carers' circle",
        "dementia-friendly network",
        "community micro-enterprise for care",
        "wellbeing hub",
        "personal assistant co-op",
    ),
    "digital-inclusion": (
        "device lending library",
        "digital champions network",
        "community broadband co-op",
        "online skills café",
        "data poverty map",
    ),
    "housing": (
        "community land trust",
        "tenant management organisation",
        "housing co-operative",
        "self-build group",
        "empty homes scheme",
    ),
    "food": (
        "community food hub",
        "food co-operative",
        "urban growing network",
        "community fridge",
        "school meals partnership",
    ),
    "community-wealth-building": (
        "anchor institution charter",
        "local procurement pledge",
        "credit union partnership",
        "worker co-operative fund",
    ),
    "co-operative-placemaking": (
        "participatory budget",
        "community asset transfer",
        "co-operative development network",
        "neighbourhood forum",
    ),
    "arts-and-culture": ("community arts co-operative", "heritage trust", "makers' market"),
    "social-value": (
        "social value framework",
        "progressive procurement policy",
        "supplier charter",
    ),
    "community-resilience": (
        "mutual aid network",
        "volunteer co-ordination hub",
        "community resilience fund",
    ),
}
VERBS = (
    "set up",
    "grew",
    "brought together",
    "co-designed",
    "launched",
    "tested",
    "widened",
    "handed over",
    "funded",
    "supported",
)
PEOPLE = (
    "residents",
    "tenants",
    "volunteers",
    "young people",
    "carers",
    "local businesses",
    "community groups",
    "ward councillors",
    "front-line staff",
    "older residents",
    "parents",
    "local co-operatives",
)
OUTCOMES = (
    "saved households money on their bills",
    "kept spending in the local economy",
    "cut the waiting list",
    "created jobs paying the real Living Wage",
    "brought new members into the co-operative",
    "reduced isolation",
    "gave residents a real say over the budget",
    "halved the time to a decision",
    "reached people services had never reached",
    "attracted match funding",
)
CONNECTORS = (
    "At first",
    "Over the following year",
    "Crucially",
    "In practice",
    "Since then",
    "Looking back",
    "Along the way",
    "By the end of the pilot",
    "As a result",
    "Alongside this",
)
HEADINGS = (
    "Why the council acted",
    "How it works",
    "Who was involved",
    "What changed",
    "What others can learn",
)


@dataclass
class Vocabulary:
    principles: list[Principle]
    themes: list[Theme]
    actions: list[Action]
    councils: list[Organisation]
    others: list[Organisation]


def _vocabulary() -> Vocabulary:
    organisations = list(Organisation.objects.only("pk", "name", "kind", "slug"))
    councils = [o for o in organisations if o.kind in COUNCIL_KINDS]
    if not councils:
        raise ValueError("Synthetic case studies need councils: generate the registry first.")
    return Vocabulary(
        principles=list(Principle.objects.filter(family=Principle.Family.NETWORK)),
        themes=list(Theme.objects.all()),
        actions=list(Action.objects.all()),
        councils=councils,
        others=[o for o in organisations if o.kind not in COUNCIL_KINDS] or councils,
    )


def _sentence(rng: random.Random, subject: str, place: str) -> str:
    return (
        f"{rng.choice(CONNECTORS)}, {rng.choice(PEOPLE)} and the council {rng.choice(VERBS)} "
        f"the {subject} in the {place}, which {rng.choice(OUTCOMES)} and "
        f"{rng.choice(OUTCOMES)}."
    )


def _paragraph(rng: random.Random, subject: str, place: str) -> str:
    return " ".join(_sentence(rng, subject, place) for _ in range(rng.randint(2, 4)))


def body(rng: random.Random, subject: str, place: str) -> tuple[str, str]:
    """(html, text): five sections of two paragraphs and a short list, ~800 words."""
    html, text = [], []
    for heading in HEADINGS:
        html.append(f'<h2 class="govuk-heading-m">{heading}</h2>')
        text.append(heading)
        for _ in range(2):
            paragraph = _paragraph(rng, subject, place)
            html.append(f'<p class="govuk-body">{escape(paragraph)}</p>')
            text.append(paragraph)
    items = [f"{rng.choice(PEOPLE).capitalize()} {rng.choice(OUTCOMES)}" for _ in range(3)]
    html.append(
        '<ul class="govuk-list govuk-list--bullet">'
        + "".join(f"<li>{escape(i)}</li>" for i in items)
        + "</ul>"
    )
    text += items
    return "".join(html), "\n".join(text)


def _case_study(rng: random.Random, n: int, vocab: Vocabulary, now) -> tuple[CaseStudy, dict]:
    theme = rng.choice(vocab.themes)
    subject = rng.choice(SUBJECTS.get(theme.slug, SUBJECTS["community-resilience"]))
    place = rng.choice(PLACES)
    lead = rng.choice(vocab.councils)
    title = f"{subject.capitalize()} in the {place} ({lead.name})"
    html, text = body(rng, subject, place)
    case_study = CaseStudy(
        slug=f"{MARK}-{n}-{slugify(title)[:150]}",
        title=title[:200],
        summary=_sentence(rng, subject, place)[:600],
        body_html=html,
        body_text=text,
        lead_organisation=lead,
        year=rng.randint(2012, 2025),
        status=rng.choice(CaseStudy.Status.values),
        state=CaseStudy.State.PUBLISHED,
        published_at=now,
    )
    links = {
        "principles": rng.sample(vocab.principles, k=rng.randint(1, 4)),
        "themes": [theme, *rng.sample(vocab.themes, k=rng.randint(0, 1))],
        "participants": rng.sample(
            vocab.councils + vocab.others, k=min(rng.randint(0, 3), len(vocab.councils))
        ),
        "actions": rng.sample(vocab.actions, k=rng.randint(0, 2)) if vocab.actions else [],
    }
    return case_study, links


def _save_batch(batch: Sequence[tuple[CaseStudy, dict]]) -> None:
    created = CaseStudy.objects.bulk_create([c for c, _links in batch])
    for name, column in (
        ("principles", "principle_id"),
        ("themes", "theme_id"),
        ("participants", "organisation_id"),
        ("actions", "action_id"),
    ):
        through = getattr(CaseStudy, name).through
        rows = {
            (case_study.pk, item.pk)
            for case_study, (_c, links) in zip(created, batch, strict=True)
            for item in links[name]
        }
        through.objects.bulk_create(
            [through(casestudy_id=c, **{column: i}) for c, i in sorted(rows)],
            batch_size=BATCH_SIZE * 4,
        )


def generate_case_studies(n: int, seed: int = 2012) -> int:
    """Write n published synthetic case studies; returns how many were written."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    now = timezone.now()
    start = CaseStudy.objects.filter(slug__startswith=f"{MARK}-").count()
    with transaction.atomic():
        batch: list[tuple[CaseStudy, dict]] = []
        for i in range(n):
            batch.append(_case_study(rng, start + i, vocab, now))
            if len(batch) == BATCH_SIZE:
                _save_batch(batch)
                batch = []
        if batch:
            _save_batch(batch)
    return n
