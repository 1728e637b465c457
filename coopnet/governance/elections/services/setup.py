"""Setting up an election and moving it through its timetable. Every move is recorded on the
election's own timeline (ElectionEvent, shown to staff) and in the audit trail
(`coopnet.core.audit`), with who made it and when, and queues a notice to the electorate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.slugs import unique_slug
from coopnet.governance.models import Seat

from ..errors import ElectionError
from ..models import Contest, Election, ElectionEvent
from ..selectors import electable
from ..tasks import send_election_notice

State = Election.State

TIMETABLE = (
    "nominations_open",
    "nominations_close",
    "voting_open",
    "voting_close",
    "count_at",
    "results_at",
)


MANAGE = "elections.manage"


def require_manager(by: Actor) -> None:
    require(by, MANAGE, message=_("You do not have permission to run elections."))


def record_event(
    election: Election, *, action: str, by: Actor, from_state: str = "", note: str = ""
) -> ElectionEvent:
    """The election's timeline entry (shown on its staff page) and its audit entry."""
    event = ElectionEvent.objects.create(
        election=election,
        action=action,
        by=user_of(by),
        from_state=from_state,
        to_state=election.state,
        note=note,
    )
    audit_record(
        by=by,
        action=f"election.{action}",
        target=election,
        summary=f"{election}: {action.replace('_', ' ')}",
        about=(election.body,),
        changes={"state": [from_state, election.state]} if from_state else None,
        reason=note,
    )
    return event


def lock(election: Election) -> Election:
    return Election.objects.select_for_update(of=("self",)).get(pk=election.pk)


@dataclass
class ElectionDetails:
    title: str
    method: str
    term_start: date
    term_end: date | None
    nominations_open: datetime
    nominations_close: datetime
    voting_open: datetime
    voting_close: datetime
    count_at: datetime | None = None
    results_at: datetime | None = None


def timetable_errors(details: ElectionDetails) -> list[str]:
    """The stages must follow one another, and the term start after voting closes."""
    errors = []
    order = [
        (
            details.nominations_open,
            details.nominations_close,
            _("Nominations must close after they open."),
        ),
        (
            details.nominations_close,
            details.voting_open,
            _("Voting must open after nominations close."),
        ),
        (details.voting_open, details.voting_close, _("Voting must close after it opens.")),
    ]
    for earlier, later, message in order:
        if later <= earlier:
            errors.append(message)
    if details.count_at and details.count_at < details.voting_close:
        errors.append(_("The count cannot come before voting closes."))
    if details.results_at and details.results_at < (details.count_at or details.voting_close):
        errors.append(_("Results cannot be published before the count."))
    if details.term_start <= timezone.localdate(details.voting_close):
        errors.append(_("The term must start after voting closes."))
    if details.term_end and details.term_end <= details.term_start:
        errors.append(_("The term must end after it starts."))
    return errors


def _check_seats(seats: Sequence[Seat]) -> None:
    if not seats:
        raise ElectionError(_("Choose at least one seat to fill."))
    if len({seat.body_id for seat in seats}) > 1:
        raise ElectionError(_("An election fills seats of one body only."))
    for seat in seats:
        if not electable(seat.constituency):
            raise ElectionError(
                _("%(seat)s is filled by appointment, not by election.") % {"seat": seat}
            )


def election_create(*, seats: Sequence[Seat], details: ElectionDetails, by: Actor) -> Election:
    require_manager(by)
    _check_seats(seats)
    errors = timetable_errors(details)
    if errors:
        raise ElectionError(" ".join(errors))
    with transaction.atomic(), acting_as(by):
        election = Election.objects.create(
            body=seats[0].body,
            slug=unique_slug(Election, details.title, max_length=120),
            **vars(details),
        )
        for seat in seats:
            Contest.objects.create(election=election, seat=seat, places=seat.places)
        record_event(election, action="created", by=by)
        return election


def election_update(
    *, election: Election, seats: Sequence[Seat], details: ElectionDetails, by: Actor
) -> Election:
    """Change an election while it is being set up (afterwards the timetable moves by stages)."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        if election.state != State.DRAFT:
            raise ElectionError(_("Only an election that is being set up can be changed."))
        _check_seats(seats)
        errors = timetable_errors(details)
        if errors:
            raise ElectionError(" ".join(errors))
        if seats[0].body_id != election.body_id:
            raise ElectionError(_("An election fills seats of one body only."))
        for name, value in vars(details).items():
            setattr(election, name, value)
        election.save()
        wanted = {seat.pk: seat for seat in seats}
        election.contests.exclude(seat_id__in=list(wanted)).delete()
        existing = set(election.contests.values_list("seat_id", flat=True))
        for seat_id, seat in wanted.items():
            if seat_id not in existing:
                Contest.objects.create(election=election, seat=seat, places=seat.places)
        record_event(election, action="updated", by=by)
        return election


def _move(
    election: Election,
    *,
    to: str,
    action: str,
    by: Actor,
    stamp: dict[str, Any] | None = None,
) -> Election:
    """Change state, record it, and queue the notice for the new stage once committed."""
    from_state = election.state
    election.state = to
    for name, value in (stamp or {}).items():
        setattr(election, name, value)
    election.save()
    record_event(election, action=action, by=by, from_state=from_state)
    election_id = election.pk
    transaction.on_commit(lambda: send_election_notice.enqueue(election_id=election_id, stage=to))
    return election


def _expect(election: Election, state: str) -> None:
    if election.state != state:
        raise ElectionError(
            _("This cannot be done now: the election is at the stage “%(state)s”.")
            % {"state": election.get_state_display()}
        )


def election_open_nominations(*, election: Election, by: Actor) -> Election:
    """Open nominations (early, if before the time set: the timetable then says now)."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        _expect(election, State.DRAFT)
        if not election.contests.exists():
            raise ElectionError(_("Choose at least one seat to fill."))
        now = timezone.now()
        stamp = (
            {"nominations_open": now}
            if not election.nominations_open or election.nominations_open > now
            else {}
        )
        return _move(
            election, to=State.NOMINATIONS, action="nominations_opened", by=by, stamp=stamp
        )


def stamp_close(current: datetime | None, now: datetime) -> datetime:
    """Closing before the time set brings the closing time forward to now."""
    return now if current is None or current > now else current
