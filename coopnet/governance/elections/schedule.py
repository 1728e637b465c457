"""Moving elections on when their timetable says so (run every few minutes by
`python manage.py advance_elections`, e.g. from cron). The system moves nominations and voting
on; opening nominations, the count and publication stay with staff, who check them first."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from coopnet.core.actors import System

from . import services
from .errors import ElectionError
from .models import Election

State = Election.State
SCHEDULER = System("advance_elections")

# state -> (the timetable field whose time must have come, the service that moves it on)
DUE = {
    State.NOMINATIONS: ("nominations_close", services.election_close_nominations),
    State.NOMINATIONS_CLOSED: ("voting_open", services.election_open_voting),
    State.VOTING: ("voting_close", services.election_close_voting),
}


def advance_due_elections(
    now: datetime | None = None, *, by: System = SCHEDULER
) -> list[tuple[Election, str]]:
    """Move on every election whose next scheduled time has come, acting as the system job
    `by`. Returns (election, outcome) pairs: the new state, or the reason it could not move
    (for the log)."""
    now = now or timezone.now()
    results = []
    for election in Election.objects.filter(state__in=list(DUE), reported_only=False):
        field, step = DUE[State(election.state)]
        due = getattr(election, field)
        if due is None or due > now:
            continue
        try:
            moved = step(election=election, by=by)
        except ElectionError as exc:
            results.append((election, str(exc)))
        else:
            results.append((moved, moved.state))
    return results
