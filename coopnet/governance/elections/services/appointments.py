"""Elected candidates become appointments to their seat from the term start, through the
governance app's own service (which enforces the body's composition rules)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coopnet.core.actors import Actor
from coopnet.governance.errors import GovernanceError
from coopnet.governance.models import Appointment
from coopnet.governance.services import appointment_create

from ..errors import ElectionError
from ..models import Election, Nomination


def appoint(*, election: Election, nomination: Nomination, by: Actor) -> Appointment:
    assert election.term_start is not None, "an election run here has a term"
    try:
        return appointment_create(
            seat=nomination.contest.seat,
            person=nomination.person,
            organisation=nomination.organisation,
            start=election.term_start,
            end=election.term_end,
            how=Appointment.How.ELECTED,
            by=by,
        )
    except GovernanceError as exc:
        raise ElectionError(
            _("%(person)s cannot be appointed to %(seat)s: %(reason)s")
            % {
                "person": nomination.person.display_name,
                "seat": nomination.contest.seat.name,
                "reason": exc,
            }
        ) from exc
