"""Voting: the electorate is fixed from the registry when voting opens; each member organisation
casts one secret ballot per contest, through its voting contact or its delegate.

The secret ballot: the audit trail records that an elector (an organisation) voted in a contest,
and who cast it for the organisation, never the ballot, its receipt or its choices."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse
from coopnet.members.models import Organisation, Person

from ..errors import ElectionError
from ..models import Ballot, Contest, Delegation, Election, Elector, Method, Nomination, VoteMark
from ..selectors import acting_organisations, electorate_preview, holds_role_at
from .ballot_box import shuffle_ballot_box
from .setup import _expect, _move, lock, require_manager, stamp_close

State = Election.State


def election_open_voting(*, election: Election, by: Actor) -> Election:
    """Open voting and fix the electorate from the registry as it stands today."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        _expect(election, State.NOMINATIONS_CLOSED)
        today = timezone.localdate()
        for row in electorate_preview(election, today):
            elector = Elector.objects.create(
                election=election, organisation=row.organisation, constituency=row.constituency
            )
            elector.contacts.set(row.contacts)
        now = timezone.now()
        stamp = {"electorate_on": today}
        if not election.voting_open or election.voting_open > now:
            stamp["voting_open"] = now
        return _move(election, to=State.VOTING, action="voting_opened", by=by, stamp=stamp)


def election_close_voting(*, election: Election, by: Actor) -> Election:
    """Close voting and shuffle the ballot box (see `ballot_box`).

    The electors are locked first, so a ballot being cast at this moment is either in the box
    before it is shuffled or, seeing voting closed, refused."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        _expect(election, State.VOTING)
        list(Elector.objects.select_for_update().filter(election=election).values_list("pk"))
        shuffle_ballot_box(election)
        close = stamp_close(election.voting_close, timezone.now())
        return _move(
            election,
            to=State.VOTING_CLOSED,
            action="voting_closed",
            by=by,
            stamp={"voting_close": close},
        )


def delegation_set(
    *, election: Election, organisation: Organisation, person: Person, by: Actor
) -> Delegation:
    """The organisation (through its voting contact or profile keeper) names who votes for it."""
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        if election.state not in (State.NOMINATIONS, State.NOMINATIONS_CLOSED, State.VOTING):
            raise ElectionError(_("A delegate can be named only before voting closes."))
        today = timezone.localdate()
        if not acting_organisations(by, today).filter(pk=organisation.pk).exists():
            raise refuse(_("You may not act for %(org)s.") % {"org": organisation.name})
        if not holds_role_at(person, organisation, today):
            raise ElectionError(
                _("%(person)s does not hold a role at %(org)s.")
                % {"person": person.display_name, "org": organisation.name}
            )
        delegation, _created = Delegation.objects.update_or_create(
            election=election,
            organisation=organisation,
            defaults={"person": person, "by": user_of(by)},
        )
        audit_record(
            by=by,
            action="election.delegate_named",
            target=delegation,
            summary=f"{person} will vote for {organisation} at {election}",
            about=(election, organisation, person),
        )
        return delegation


def may_cast(user: Actor, elector: Elector) -> bool:
    person = getattr(user, "person", None)
    if person is None:
        return False
    if elector.contacts.filter(pk=person.pk).exists():
        return True
    return Delegation.objects.filter(
        election_id=elector.election_id, organisation_id=elector.organisation_id, person=person
    ).exists()


def _checked_choices(contest: Contest, method: str, choices: Sequence[int]) -> list[int]:
    candidates = set(
        contest.nominations.filter(status=Nomination.Status.ACCEPTED).values_list("pk", flat=True)
    )
    picked = list(choices)
    if not picked:
        raise ElectionError(_("Choose at least one candidate."))
    if len(set(picked)) != len(picked) or not set(picked) <= candidates:
        raise ElectionError(_("Each choice must be a different candidate for this seat."))
    if method == Method.FPTP and len(picked) > contest.places:
        raise ElectionError(
            ngettext(
                "Choose no more than %(n)s candidate.",
                "Choose no more than %(n)s candidates.",
                contest.places,
            )
            % {"n": contest.places}
        )
    return picked


def ballot_cast(
    *, contest: Contest, organisation: Organisation, choices: Sequence[int], by: Actor
) -> str:
    """Record the organisation's ballot in the contest; return its receipt code.

    The organisation's elector row is locked first, so two people voting for one organisation at
    once get one ballot and one refusal; the unique mark (elector, contest) backs this up.
    The audit trail says that the elector voted in the contest; nothing links it to the ballot.
    """
    with transaction.atomic():
        return _ballot_cast(contest=contest, organisation=organisation, choices=choices, by=by)


def _ballot_cast(
    *, contest: Contest, organisation: Organisation, choices: Sequence[int], by: Actor
) -> str:
    elector = (
        Elector.objects.select_for_update(of=("self",))
        .filter(election_id=contest.election_id, organisation=organisation)
        .first()
    )
    # Read after the elector's lock: closing voting takes every elector's lock before it
    # shuffles the box, so a ballot cannot slip in after the shuffle.
    election = Election.objects.get(pk=contest.election_id)
    now = timezone.now()
    window = election.voting_open and election.voting_close
    if (
        election.state != State.VOTING
        or not window
        or not (
            election.voting_open <= now <= election.voting_close  # type: ignore[operator]
        )
    ):
        raise ElectionError(_("Voting is not open for this election."))
    if elector is None:
        raise ElectionError(
            _("%(org)s is not in the electorate of this election.") % {"org": organisation.name}
        )
    if not may_cast(by, elector):
        raise refuse(_("You may not vote for %(org)s.") % {"org": organisation.name})
    if contest.uncontested or elector.constituency != contest.seat.constituency:
        raise ElectionError(_("%(org)s does not vote for this seat.") % {"org": organisation.name})
    if VoteMark.objects.filter(elector=elector, contest=contest).exists():
        raise ElectionError(
            _("%(org)s has already voted for this seat.") % {"org": organisation.name}
        )
    picked = _checked_choices(contest, election.method, choices)
    try:
        with transaction.atomic():
            VoteMark.objects.create(elector=elector, contest=contest)
    except IntegrityError as exc:
        raise ElectionError(
            _("%(org)s has already voted for this seat.") % {"org": organisation.name}
        ) from exc
    # Who voted for the organisation, and that it voted in this contest: never which ballot
    # (the entry names the elector and the contest, not the ballot, its receipt or its choices).
    audit_record(
        by=by,
        action="election.voted",
        target=elector,
        summary=f"{organisation} voted in {contest}",
        about=(election, contest, organisation),
    )
    ballot = Ballot.objects.create(contest=contest, choices=picked)
    return ballot.receipt
