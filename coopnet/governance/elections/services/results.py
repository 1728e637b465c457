"""The count (by the election's method, every stage stored) and the publication of results, when
elected candidates become appointments from the term start."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from coopnet.core.actors import Actor, acting_as

from ..counting import CountResult, as_votes, count_fptp, count_stv
from ..models import Contest, CountStage, Election, Method, Nomination
from .appointments import appoint
from .setup import _expect, _move, lock, require_manager, stamp_close

State = Election.State


def _tie_record(tie: object) -> dict[str, object]:
    return {
        "reason": tie.reason,  # type: ignore[attr-defined]
        "tied": list(tie.tied),  # type: ignore[attr-defined]
        "chosen": list(tie.chosen),  # type: ignore[attr-defined]
        "by_lot": tie.by_lot,  # type: ignore[attr-defined]
        "decided_at_stage": tie.decided_at_stage,  # type: ignore[attr-defined]
    }


def _store(contest: Contest, result: CountResult) -> None:
    for stage in result.stages:
        CountStage.objects.create(
            contest=contest,
            number=stage.number,
            action=stage.action,
            subject_id=stage.subject,
            totals={str(c): str(as_votes(v)) for c, v in stage.totals.items()},
            non_transferable=as_votes(stage.non_transferable),
            transfer_value=as_votes(stage.transfer_value)
            if stage.transfer_value is not None
            else None,
            elected=list(stage.elected),
            excluded=list(stage.excluded),
            ties=[_tie_record(t) for t in stage.ties],
        )
    contest.valid_ballots = result.valid_ballots
    contest.quota = result.quota
    contest.lot_seed = result.seed
    contest.counted_at = timezone.now()
    contest.save(update_fields=["valid_ballots", "quota", "lot_seed", "counted_at"])
    order = {candidate: n for n, candidate in enumerate(result.elected, start=1)}
    for nomination in contest.nominations.filter(status=Nomination.Status.ACCEPTED):
        nomination.elected_order = order.get(nomination.pk)
        nomination.outcome = (
            Nomination.Outcome.ELECTED if nomination.pk in order else Nomination.Outcome.NOT_ELECTED
        )
        nomination.save(update_fields=["outcome", "elected_order"])


def count_contest(contest: Contest, method: str, seed: int) -> CountResult:
    candidates = list(
        contest.nominations.filter(status=Nomination.Status.ACCEPTED)
        .order_by("person__full_name", "pk")
        .values_list("pk", flat=True)
    )
    # Ballots are read in a random order (by their random keys): the order carries nothing.
    ballots = list(contest.ballots.order_by("id").values_list("choices", flat=True))
    counter = count_stv if method == Method.STV else count_fptp
    return counter(ballots, candidates, contest.places, seed=seed)


def election_count(*, election: Election, by: Actor) -> Election:
    """Count every contested seat; the results stay private to staff until published."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        _expect(election, State.VOTING_CLOSED)
        for contest in election.contests.filter(uncontested=False).select_related("seat"):
            contest.stages.all().delete()
            seed = secrets.randbelow(2**62)
            _store(contest, count_contest(contest, election.method, seed))
        stamp = {"count_at": stamp_close(election.count_at, timezone.now())}
        return _move(election, to=State.COUNTED, action="counted", by=by, stamp=stamp)


def election_publish(*, election: Election, by: Actor) -> Election:
    """Publish the results; candidates elected at the count are appointed from the term start."""
    require_manager(by)
    with transaction.atomic(), acting_as(by):
        election = lock(election)
        _expect(election, State.COUNTED)
        elected = Nomination.objects.filter(
            contest__election=election, outcome=Nomination.Outcome.ELECTED
        ).select_related("contest__seat", "person", "organisation")
        for nomination in elected.order_by("contest", "elected_order"):
            appoint(election=election, nomination=nomination, by=by)
        stamp = {"results_at": timezone.now()}
        return _move(election, to=State.PUBLISHED, action="published", by=by, stamp=stamp)
