"""Nominations: a member organisation nominates a person, the person accepts; at the close of
nominations, seats with no more candidates than places are filled unopposed."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse
from coopnet.governance.models import Constituency
from coopnet.members.models import Organisation, Person

from ..errors import ElectionError
from ..models import Contest, Election, Nomination
from ..selectors import acting_organisations, category_on, holds_role_at
from ..tasks import send_nomination_notice
from .appointments import appoint
from .setup import _expect, _move, lock, require_manager, stamp_close

State = Election.State


def _constituency_name(code: str) -> str:
    return str(Constituency(code).label)


def nominee_errors(
    *, contest: Contest, person: Person, organisation: Organisation, on: date
) -> list[str]:
    """Why this person, for this organisation, may not stand for the contest's seat."""
    errors = []
    constituency = contest.seat.constituency
    if category_on(organisation, on) != constituency:
        errors.append(
            _(
                "%(org)s is not one of the %(constituency)s on %(date)s, so it cannot put up a "
                "candidate for this seat."
            )
            % {
                "org": organisation.name,
                "constituency": _constituency_name(constituency),
                "date": date_format(on, "j F Y"),
            }
        )
    if not holds_role_at(person, organisation, on):
        errors.append(
            _("%(person)s does not hold a role at %(org)s.")
            % {"person": person.display_name, "org": organisation.name}
        )
    return errors


def nomination_create(
    *,
    contest: Contest,
    person: Person,
    organisation: Organisation,
    nominating_organisation: Organisation,
    statement: str,
    by: Actor,
) -> Nomination:
    """`nominating_organisation`, acting through `by`, nominates `person` of `organisation`."""
    with transaction.atomic(), acting_as(by):
        return _nomination_create(
            contest=contest,
            person=person,
            organisation=organisation,
            nominating_organisation=nominating_organisation,
            statement=statement,
            by=by,
        )


def _nomination_create(
    *,
    contest: Contest,
    person: Person,
    organisation: Organisation,
    nominating_organisation: Organisation,
    statement: str,
    by: Actor,
) -> Nomination:
    election = lock(contest.election)
    _expect(election, State.NOMINATIONS)
    now = timezone.now()
    if election.nominations_close and now > election.nominations_close:
        raise ElectionError(_("Nominations have closed."))
    today = timezone.localdate()
    if not acting_organisations(by, today).filter(pk=nominating_organisation.pk).exists():
        raise refuse(
            _("You may not make nominations for %(org)s.") % {"org": nominating_organisation.name}
        )
    if category_on(nominating_organisation, today) != contest.seat.constituency:
        raise ElectionError(
            _("Only one of the %(constituency)s may nominate for this seat.")
            % {"constituency": _constituency_name(contest.seat.constituency)}
        )
    errors = nominee_errors(contest=contest, person=person, organisation=organisation, on=today)
    if errors:
        raise ElectionError(" ".join(errors))
    live = contest.nominations.exclude(
        status__in=[Nomination.Status.DECLINED, Nomination.Status.LAPSED]
    )
    if live.filter(person=person).exists():
        raise ElectionError(
            _("%(person)s has already been nominated for this seat.")
            % {"person": person.display_name}
        )
    if not statement.strip():
        raise ElectionError(_("Write a statement in support of the nomination."))
    nomination = Nomination.objects.create(
        contest=contest,
        person=person,
        organisation=organisation,
        nominated_by_organisation=nominating_organisation,
        nominated_by=user_of(by),
        statement=statement.strip(),
    )
    audit_record(
        by=by,
        action="election.nominated",
        target=nomination,
        summary=f"{nominating_organisation} nominated {person} ({organisation}) for {contest}",
        about=(election, nominating_organisation, organisation, person),
    )
    nomination_id = nomination.pk
    transaction.on_commit(lambda: send_nomination_notice.enqueue(nomination_id=nomination_id))
    return nomination


def _is_nominee(nomination: Nomination, by: Actor) -> bool:
    person = getattr(by, "person", None)
    return person is not None and person.pk == nomination.person_id


def _lock_nomination(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("contest__election")
        .get(pk=nomination.pk)
    )


def _respond(
    nomination: Nomination, *, by: Actor, to: str, allowed_from: tuple[str, ...], refusal: str
) -> Nomination:
    """The nominee's own answer, while nominations are open."""
    with transaction.atomic(), acting_as(by):
        nomination = _lock_nomination(nomination)
        if not _is_nominee(nomination, by):
            raise refuse(_("Only the person nominated can answer a nomination."))
        election = nomination.contest.election
        _expect(election, State.NOMINATIONS)
        if nomination.status not in allowed_from:
            raise ElectionError(refusal)
        was = nomination.status
        nomination.status = to
        nomination.responded_at = timezone.now()
        nomination.save(update_fields=["status", "responded_at"])
        audit_record(
            by=by,
            action=f"election.nomination_{to}",
            target=nomination,
            summary=f"{nomination.person} answered the nomination for {nomination.contest}: {to}",
            about=(election, nomination.person, nomination.organisation),
            changes={"status": [was, to]},
        )
        return nomination


def nomination_accept(*, nomination: Nomination, by: Actor) -> Nomination:
    """The nominee, and only the nominee, accepts while nominations are open."""
    return _respond(
        nomination,
        by=by,
        to=Nomination.Status.ACCEPTED,
        allowed_from=(Nomination.Status.AWAITING,),
        refusal=_("This nomination is not waiting for an answer."),
    )


def nomination_decline(*, nomination: Nomination, by: Actor) -> Nomination:
    """The nominee declines, or withdraws after accepting, while nominations are open."""
    return _respond(
        nomination,
        by=by,
        to=Nomination.Status.DECLINED,
        allowed_from=(Nomination.Status.AWAITING, Nomination.Status.ACCEPTED),
        refusal=_("This nomination has already been declined."),
    )


def election_close_nominations(*, election: Election, by: Actor) -> Election:
    """Close nominations: unanswered nominations lapse; a seat with no more candidates than
    places is filled unopposed now, and its candidates appointed from the term start."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        return _close_nominations(election, by=by)


def _close_nominations(election: Election, *, by: Actor) -> Election:
    election = lock(election)
    _expect(election, State.NOMINATIONS)
    Nomination.objects.filter(contest__election=election, status=Nomination.Status.AWAITING).update(
        status=Nomination.Status.LAPSED
    )
    for contest in election.contests.select_related("seat"):
        accepted = list(
            contest.nominations.filter(status=Nomination.Status.ACCEPTED).order_by(
                "person__full_name", "pk"
            )
        )
        if len(accepted) > contest.places:
            continue
        contest.uncontested = True
        contest.save(update_fields=["uncontested"])
        for order, nomination in enumerate(accepted, start=1):
            nomination.outcome = Nomination.Outcome.UNOPPOSED
            nomination.elected_order = order
            nomination.save(update_fields=["outcome", "elected_order"])
            appoint(election=election, nomination=nomination, by=by)
    close = stamp_close(election.nominations_close, timezone.now())
    return _move(
        election,
        to=State.NOMINATIONS_CLOSED,
        action="nominations_closed",
        by=by,
        stamp={"nominations_close": close},
    )
