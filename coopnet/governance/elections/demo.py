"""Demo elections: the EOC and V&P Board elections held at the end of 2020 and at the end of 2022,
recorded as past elections with only what the seeds report.

The Review of the Year 2021/22 says that elections to both bodies are held every two years, that
they were held at the end of 2020 and would be held again at the end of 2022. It gives no vote
counts, no candidates and no dates of terms, so none are recorded. For 2020 it lists who held
each body's seats at 31 July 2022: the people in the member-elected seats (Full, Associate,
Affiliate) on that day, as the governance demo loads them, are recorded as holding those seats
after the 2020 elections. For 2022 the seeds report no result, and none is recorded.

Runs after the governance demo (it reads the bodies, seats and appointments that loads).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.demo.loader import CREATED, LoadSummary, upsert
from coopnet.demo.seed import sources as s
from coopnet.governance.models import Appointment, Body, Seat

from .models import ELECTED_CONSTITUENCIES, Contest, Election, ElectionEvent, Nomination

LABELS = {
    "elections": gettext_lazy("past elections"),
    "election_results": gettext_lazy("reported election results"),
}

SOURCE_2020 = (
    f"{s.REVIEW_2022}: elections held at the end of 2020; members of the body listed at "
    "31 July 2022"
)
SOURCE_2022 = f"{s.REVIEW_2022}: elections to be held again at the end of 2022 (no result reported)"


@dataclass(frozen=True)
class PastElection:
    slug: str
    body: str
    title: str
    held: str
    source: str
    with_holders: bool  # record who held the elected seats at 31 July 2022


PAST_ELECTIONS = (
    PastElection(
        "eoc-elections-2020", "eoc", "EOC elections 2020", "at the end of 2020", SOURCE_2020, True
    ),
    PastElection(
        "vp-board-elections-2020",
        "vp-board",
        "V&P Board elections 2020",
        "at the end of 2020",
        SOURCE_2020,
        True,
    ),
    PastElection(
        "eoc-elections-2022", "eoc", "EOC elections 2022", "at the end of 2022", SOURCE_2022, False
    ),
    PastElection(
        "vp-board-elections-2022",
        "vp-board",
        "V&P Board elections 2022",
        "at the end of 2022",
        SOURCE_2022,
        False,
    ),
)


def _elected_seats(body: Body) -> list[Seat]:
    return list(
        Seat.objects.filter(body=body, constituency__in=ELECTED_CONSTITUENCIES).order_by(
            "order", "pk"
        )
    )


def _holders(seat: Seat) -> list[Appointment]:
    return list(
        Appointment.objects.filter(
            seat=seat, how=Appointment.How.ELECTED, organisation__isnull=False
        )
        .current_on(s.YEAR_END_2022)
        .select_related("person", "organisation")
        .order_by("person__full_name")
    )


def _load_result(contest: Contest, summary: LoadSummary) -> None:
    for order, appointment in enumerate(_holders(contest.seat), start=1):
        _, outcome = upsert(
            Nomination,
            {"contest": contest, "person": appointment.person},
            {
                "organisation": appointment.organisation,
                "status": Nomination.Status.ACCEPTED,
                "outcome": Nomination.Outcome.ELECTED,
                "elected_order": order,
            },
        )
        summary.count("election_results", outcome)


DEMO = System("load_demo")


def load(summary: LoadSummary) -> None:
    with acting_as(DEMO):
        _load(summary)


def _load(summary: LoadSummary) -> None:
    for item in PAST_ELECTIONS:
        body = Body.objects.filter(slug=item.body).first()
        if body is None:
            continue
        election, outcome = upsert(
            Election,
            {"slug": item.slug},
            {
                "body": body,
                "title": item.title,
                "state": Election.State.PUBLISHED,
                "reported_only": True,
                "held": item.held,
                "source": item.source,
            },
        )
        summary.count("elections", outcome)
        if outcome == CREATED:
            ElectionEvent.objects.create(
                election=election, action="loaded", to_state=election.state, note=item.source
            )
            audit_record(
                by=DEMO,
                action="election.loaded",
                target=election,
                summary=f"{election}: recorded from a published report",
                about=(body,),
                reason=item.source,
            )
        for seat in _elected_seats(body):
            contest, _created = Contest.objects.get_or_create(
                election=election, seat=seat, defaults={"places": seat.places}
            )
            if item.with_holders:
                _load_result(contest, summary)
