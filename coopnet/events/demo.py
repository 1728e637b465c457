"""The network's events from the seeds: the 2021/22 meetings and events the Review of the Year
lists, the monthly officer meetings, and the governance meetings the documents mention.

Only what the documents say. They rarely give a day: an event known to the month starts on the
1st and is marked "month only"; one known only to the membership year starts on 1 August and is
marked "membership year only", so no page shows a date the seeds do not give. No attendees are
loaded. The ten listed events count towards the "meetings and events" figure (the review's 10 for
2021/22); the officer meetings and the governance meetings do not, as the strategy's notes say.
Loading is idempotent: events are found by their address (slug).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy

from coopnet.demo.loader import LoadSummary, upsert

from .models import Event
from .recurrence import series_end

LABELS = {"events": gettext_lazy("events (from the reviews)")}

REVIEW_2022 = "Review of the Year 2021/22 (Meetings and events)"
REVIEW_2022_GOVERNANCE = "Review of the Year 2021/22 (Governance and Structure)"
LGA_2020 = "LGA Special Interest Group annual report 2020"
K, A, P = Event.Kind, Event.Attendance, Event.Precision
YEAR_2021 = date(2021, 8, 1)


@dataclass(frozen=True)
class SeedEvent:
    slug: str
    title: str
    kind: str
    day: date
    precision: str
    source: str
    attendance: str = A.IN_PERSON
    venue: str = ""
    counts: bool = True
    recurrence: str = ""
    summary: str = ""


EVENTS: tuple[SeedEvent, ...] = (
    SeedEvent(
        "lib-dem-autumn-conference-fringe-2021",
        "Fringe at the Liberal Democrat Autumn Conference",
        K.FRINGE,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
        attendance=A.ONLINE,
        summary="Held on Zoom.",
    ),
    SeedEvent(
        "labour-party-conference-2021-exhibition",
        "Exhibition stand at the Labour Party Annual Conference",
        K.EXHIBITION,
        date(2021, 9, 1),
        P.MONTH,
        REVIEW_2022,
        summary="The network welcomed new members Hackney, Newham, Trafford and Stoke Labour "
        "Group.",
    ),
    SeedEvent(
        "co-operative-party-conference-fringe-2021",
        "Fringe at the Co-operative Party Annual Conference",
        K.FRINGE,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "co-op-development-taster-workshop",
        "Co-op Development Taster Workshop",
        K.WORKSHOP,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "annual-econference-and-agm-2021",
        "2021 Annual eConference and AGM",
        K.AGM,
        date(2022, 2, 1),
        P.MONTH,
        f"{REVIEW_2022}; {REVIEW_2022_GOVERNANCE}",
        attendance=A.ONLINE,
        summary="The 2021 AGM, held in February 2022, approved the revised Constitution and "
        "Terms of Reference.",
    ),
    SeedEvent(
        "co-op-party-local-government-conference-2022",
        "Exhibition and Fringe at the Co-op Party Local Government Conference",
        K.EXHIBITION,
        date(2022, 6, 1),
        P.MONTH,
        REVIEW_2022,
        summary="Including a network workshop.",
    ),
    SeedEvent(
        "co-operative-congress-2022",
        "Exhibition and Fringe at Co-operative Congress",
        K.EXHIBITION,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "labour-local-government-conference-fringe-2022",
        "Fringe at the Labour Local Government Conference",
        K.FRINGE,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "lga-annual-conference-2022",
        "LGA Annual Conference and Exhibition 2022",
        K.EXHIBITION,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "playground-for-the-new-economy-festival",
        "Sponsorship and Exhibition at the 'Playground for the new economy' Festival",
        K.EXHIBITION,
        YEAR_2021,
        P.YEAR,
        REVIEW_2022,
    ),
    SeedEvent(
        "study-visit-to-mondragon",
        "Study visit to Mondragon",
        K.STUDY_VISIT,
        YEAR_2021,
        P.YEAR,
        "Review of the Year 2021/22 (Chair's introduction; Funded projects 2022)",
        venue="Mondragon, Spain",
        counts=False,  # funded as a Policy Lab: the figure leaves out Policy Lab meetings
    ),
    SeedEvent(
        "officer-network-monthly-meeting-2021-22",
        "Monthly officer meeting",
        K.OFFICER_MEETING,
        date(2021, 8, 1),
        P.MONTH,
        REVIEW_2022,
        attendance=A.ONLINE,
        counts=False,
        recurrence="FREQ=MONTHLY;UNTIL=20220731T235959Z",
        summary="All council officers are invited to these calls.",
    ),
    SeedEvent(
        "values-and-principles-board-june-2022",
        "Values and Principles Board meeting (in person)",
        K.OTHER,
        date(2022, 6, 1),
        P.MONTH,
        REVIEW_2022_GOVERNANCE,
        counts=False,
        summary="The Board's other meetings that year were held online.",
    ),
    SeedEvent(
        "joint-eoc-and-vp-board-meeting-january-2020",
        "Joint meeting of the Executive Oversight Committee and the Values and Principles Board",
        K.OTHER,
        date(2020, 1, 1),
        P.MONTH,
        LGA_2020,
        venue="Stevenage",
        counts=False,
        summary="Members reviewed all the Policy Prototype bids and agreed to fund all 13.",
    ),
)


def _values(item: SeedEvent) -> dict[str, object]:
    starts_at = timezone.make_aware(datetime.combine(item.day, time.min))
    ends_at = timezone.make_aware(datetime.combine(item.day, time(23, 59)))
    return {
        "title": item.title,
        "kind": item.kind,
        "summary": item.summary,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": True,
        "date_precision": item.precision,
        "attendance": item.attendance,
        "venue": item.venue,
        "organiser": None,
        "counts_towards_events_figure": item.counts,
        "recurrence": item.recurrence,
        "series_ends_at": series_end(starts_at, ends_at, item.recurrence),
        "source": item.source,
        "status": Event.Status.PUBLISHED,
        "registration_open": False,
    }


def load(summary: LoadSummary) -> None:
    for item in EVENTS:
        _event, outcome = upsert(Event, {"slug": item.slug}, _values(item))
        summary.count("events", outcome)
