"""Synthetic events for the benchmarks: 100 events per unit of scale, one in ten repeating
(10,000 events, 1,000 repeating, at 100x), written with their history rows as real writes are.

Not demo data: titles and dates are made up for load, never shown as the network's."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from coopnet.members.models import Organisation

from .models import Event
from .recurrence import series_end

EVENTS_PER_SCALE = 100
RULES = (
    "FREQ=MONTHLY;BYDAY=2TU",
    "FREQ=MONTHLY;BYDAY=1WE;COUNT=12",
    "FREQ=WEEKLY;COUNT=20",
    "FREQ=WEEKLY;BYDAY=TH;INTERVAL=2",
)
KINDS = [k for k, _label in Event.Kind.choices]


class SyntheticEventsError(RuntimeError):
    pass


@transaction.atomic
def generate_events(*, scale: float, seed: int = 2012) -> tuple[int, int]:
    """Add the synthetic events; returns (events, repeating). Refuses a database with events."""
    if Event.objects.exists():
        raise SyntheticEventsError("The database already holds events.")
    rng = random.Random(seed)
    organisers: list[int | None] = list(
        Organisation.objects.values_list("pk", flat=True)[:2000]
    ) or [None]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    total = max(1, round(EVENTS_PER_SCALE * scale))
    events = []
    repeating = 0
    for n in range(total):
        starts = now + timedelta(days=rng.randint(-720, 360), hours=rng.randint(-6, 6))
        ends = starts + timedelta(hours=rng.choice((1, 2, 3, 8)))
        rule = ""
        if n % 10 == 0:
            rule = rng.choice(RULES)
            repeating += 1
        online = rng.random() < 0.5
        events.append(
            Event(
                title=f"Synthetic {Event.Kind(KINDS[n % len(KINDS)]).label} {n}",
                slug=f"synthetic-event-{n}",
                kind=KINDS[n % len(KINDS)],
                summary="A synthetic event for the benchmarks.",
                starts_at=starts,
                ends_at=ends,
                attendance=Event.Attendance.ONLINE if online else Event.Attendance.IN_PERSON,
                venue="" if online else "Town Hall",
                organiser_id=rng.choice(organisers),
                description_html="<p>A synthetic event for the benchmarks.</p>",
                description_text="A synthetic event for the benchmarks.",
                capacity=rng.choice((None, 30, 100)),
                registration_open=True,
                recurrence=rule,
                series_ends_at=series_end(starts, ends, rule) if rule else ends,
                counts_towards_events_figure=not rule,
                status=Event.Status.PUBLISHED if rng.random() < 0.95 else Event.Status.DRAFT,
                published_at=now,
                source="synthetic",
            )
        )
    bulk_create_with_history(events, Event, batch_size=500)
    return total, repeating
