"""Writes for elections. Each validates, writes in one transaction and records the audit trail."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coopnet.core.actors import Actor

from ..errors import ElectionError
from ..models import Election
from .nominations import (
    election_close_nominations,
    nomination_accept,
    nomination_create,
    nomination_decline,
    nominee_errors,
)
from .results import election_count, election_publish
from .setup import (
    ElectionDetails,
    election_create,
    election_open_nominations,
    election_update,
    timetable_errors,
)
from .voting import ballot_cast, delegation_set, election_close_voting, election_open_voting

NEXT_STEP = {
    Election.State.DRAFT: election_open_nominations,
    Election.State.NOMINATIONS: election_close_nominations,
    Election.State.NOMINATIONS_CLOSED: election_open_voting,
    Election.State.VOTING: election_close_voting,
    Election.State.VOTING_CLOSED: election_count,
    Election.State.COUNTED: election_publish,
}


def election_advance(*, election: Election, expected_state: str, by: Actor) -> Election:
    """Take the election to its next stage. `expected_state` is the stage the person saw, so a
    second press of the same button (or two staff at once) does not skip a stage."""
    if election.state != expected_state:
        raise ElectionError(_stage_moved_message())
    step = NEXT_STEP.get(Election.State(election.state))
    if step is None:
        raise ElectionError(_stage_moved_message())
    return step(election=election, by=by)


def _stage_moved_message() -> str:
    return _("The election has already moved on from that stage.")


__all__ = [
    "NEXT_STEP",
    "ElectionDetails",
    "ballot_cast",
    "delegation_set",
    "election_advance",
    "election_close_nominations",
    "election_close_voting",
    "election_count",
    "election_create",
    "election_open_nominations",
    "election_open_voting",
    "election_publish",
    "election_update",
    "nomination_accept",
    "nomination_create",
    "nomination_decline",
    "nominee_errors",
    "timetable_errors",
]
