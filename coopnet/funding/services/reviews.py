"""Review (assign, conflicts, scores) and the joint meeting's decisions."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.governance.selectors import is_joint_meeting
from coopnet.members.models import Person

from .. import tasks
from ..eligibility import money, organisations_of
from ..errors import FundingError
from ..models import Bid, Decision, ReviewAssignment, ReviewScore, RoundPot
from ..selectors import review_bodies_label, review_body_slugs, reviewers_on
from .projects import project_from_bid

if TYPE_CHECKING:
    from coopnet.governance.models import AgendaItem, Meeting


@transaction.atomic
def reviewer_assign(*, bid: Bid, reviewer: Person, by: Actor) -> ReviewAssignment:
    """Assign a member of the EOC or V&P Board. Someone from the lead or a partner organisation
    is recorded as excluded, and never counts."""
    require(by, "funding.manage")
    bid = Bid.objects.select_for_update(of=("self",)).get(pk=bid.pk)
    if bid.status != Bid.Status.SUBMITTED:
        raise FundingError(_("Only submitted bids are reviewed."))
    today = timezone.localdate()
    if not reviewers_on(today).filter(pk=reviewer.pk).exists():
        raise FundingError(
            _("%(name)s does not serve on %(bodies)s today.")
            % {"name": reviewer.full_name, "bodies": review_bodies_label()},
            field="reviewer",
        )
    if bid.assignments.filter(reviewer=reviewer).exists():
        raise FundingError(
            _("%(name)s already reviews this bid.") % {"name": reviewer.full_name},
            field="reviewer",
        )
    involved = {p.organisation_id for p in bid.partners.all()} | {bid.lead_id}
    excluded = bool(organisations_of(reviewer.pk, today) & involved)
    with acting_as(by):
        assignment = ReviewAssignment.objects.create(
            bid=bid,
            reviewer=reviewer,
            assigned_by=user_of(by),
            status=(
                ReviewAssignment.Status.EXCLUDED if excluded else ReviewAssignment.Status.ASSIGNED
            ),
            conflict_note=_("From the lead or a partner organisation.") if excluded else "",
        )
        audit_record(
            by=by,
            action="review.excluded" if excluded else "review.assigned",
            target=assignment,
            about=[bid, bid.lead, reviewer],
        )
    return assignment


def _own_assignment(assignment: ReviewAssignment, by: Actor) -> ReviewAssignment:
    assignment = (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("bid")
        .get(pk=assignment.pk)
    )
    require(by, "funding.review", assignment)
    if assignment.status in (ReviewAssignment.Status.EXCLUDED, ReviewAssignment.Status.CONFLICT):
        raise FundingError(_("You have a conflict of interest with this bid, so cannot score it."))
    if hasattr(assignment.bid, "decision"):
        raise FundingError(_("This bid has been decided; scores can no longer change."))
    return assignment


@transaction.atomic
def conflict_declare(*, assignment: ReviewAssignment, by: Actor, note: str) -> ReviewAssignment:
    assignment = _own_assignment(assignment, by)
    if not note.strip():
        raise FundingError(_("Say what the conflict of interest is."), field="note")
    with acting_as(by):
        assignment.status = ReviewAssignment.Status.CONFLICT
        assignment.conflict_note = note.strip()
        assignment.save()
        assignment.scores.all().delete()
        audit_record(
            by=by,
            action="review.conflict_declared",
            target=assignment,
            about=[assignment.bid, assignment.reviewer],
            reason=note.strip(),
        )
    return assignment


@transaction.atomic
def review_score(
    *,
    assignment: ReviewAssignment,
    by: Actor,
    scores: dict[int, tuple[int, str]],
    comment: str,
) -> ReviewAssignment:
    """Score every published criterion of the round (criterion id -> (score, comment))."""
    assignment = _own_assignment(assignment, by)
    criteria = list(assignment.bid.round.criteria.all())
    if not criteria:
        raise FundingError(_("The round has no published criteria to score against."))
    for criterion in criteria:
        if criterion.pk not in scores:
            raise FundingError(_("Score every criterion."))
        score, _comment = scores[criterion.pk]
        if not 0 <= score <= criterion.max_score:
            raise FundingError(
                _("%(criterion)s is scored from 0 to %(max)s.")
                % {"criterion": criterion.title, "max": criterion.max_score}
            )
    with acting_as(by):
        assignment.scores.all().delete()
        ReviewScore.objects.bulk_create(
            ReviewScore(
                assignment=assignment, criterion=c, score=scores[c.pk][0], comment=scores[c.pk][1]
            )
            for c in criteria
        )
        assignment.comment = comment
        assignment.status = ReviewAssignment.Status.SCORED
        assignment.scored_at = timezone.now()
        assignment.save()
        audit_record(
            by=by,
            action="review.scored",
            target=assignment,
            about=[assignment.bid, assignment.reviewer],
            changes={"total": sum(scores[c.pk][0] for c in criteria)},
        )
    return assignment


OUTCOME_STATUS = {
    Decision.Outcome.APPROVE: Bid.Status.APPROVED,
    Decision.Outcome.APPROVE_WITH_CONDITIONS: Bid.Status.APPROVED_WITH_CONDITIONS,
    Decision.Outcome.DECLINE: Bid.Status.DECLINED,
    Decision.Outcome.DEFER: Bid.Status.DEFERRED,
}


def _check_meeting(meeting: Meeting) -> None:
    slugs = set(meeting.bodies.values_list("slug", flat=True))
    wanted = set(review_body_slugs())
    if not is_joint_meeting(meeting) or not wanted <= slugs:
        raise FundingError(
            _("Funding decisions are taken at a joint meeting of %(bodies)s.")
            % {"bodies": review_bodies_label()}
        )


def _check_meeting_date(bid: Bid, meeting: Meeting) -> None:
    """A bid is decided at a meeting held after its round closed, and not before it was sent."""
    held_on = timezone.localdate(meeting.starts_at)
    closes_on = bid.round.closes_on
    if closes_on is not None and held_on <= closes_on:
        raise FundingError(
            _(
                "%(meeting)s is dated %(held)s, but the round is open until %(closes)s: bids are "
                "decided at a meeting after the round has closed."
            )
            % {
                "meeting": meeting,
                "held": date_format(held_on, "j F Y"),
                "closes": date_format(closes_on, "j F Y"),
            }
        )
    if bid.submitted_at is not None and held_on < timezone.localdate(bid.submitted_at):
        raise FundingError(
            _(
                "%(meeting)s is dated %(held)s, before the bid was submitted on %(submitted)s: "
                "a bid is decided at a meeting held after it was submitted."
            )
            % {
                "meeting": meeting,
                "held": date_format(held_on, "j F Y"),
                "submitted": date_format(timezone.localdate(bid.submitted_at), "j F Y"),
            }
        )


def _check_pot(bid: Bid, amount: Decimal, budget_change: Decimal | None) -> None:
    pot = (
        RoundPot.objects.select_for_update(of=("self",))
        .filter(round=bid.round, scheme=bid.scheme)
        .first()
    )
    if pot is None:
        raise FundingError(_("The round has no pot for this scheme."))
    decided = Decision.objects.filter(
        bid__round=bid.round, bid__scheme=bid.scheme, outcome__in=Decision.APPROVALS
    ).aggregate(awarded=Sum("amount"), changes=Sum("budget_change"))
    awarded = decided["awarded"] or Decimal(0)
    available = pot.amount + (decided["changes"] or Decimal(0)) + (budget_change or Decimal(0))
    if awarded + amount > available:
        raise FundingError(
            _(
                "Approving %(amount)s would take the %(scheme)s awards to %(total)s, more than "
                "the %(pot)s available. Record the budget change the meeting agreed, or award less."
            )
            % {
                "amount": money(amount),
                "scheme": _(bid.scheme.name),
                "total": money(awarded + amount),
                "pot": money(available - (budget_change or Decimal(0))),
            }
        )


@transaction.atomic
def decision_record(
    *,
    bid: Bid,
    meeting: Meeting,
    outcome: str,
    by: Actor,
    amount: Decimal | None = None,
    conditions: str = "",
    feedback: str = "",
    budget_change: Decimal | None = None,
    budget_change_reason: str = "",
    agenda_item: AgendaItem | None = None,
) -> Decision:
    """Record the joint meeting's decision on a submitted bid; an approval becomes a project."""
    require(by, "funding.manage")
    bid = (
        Bid.objects.select_for_update(of=("self",))
        .select_related("round", "scheme", "lead")
        .get(pk=bid.pk)
    )
    if bid.status != Bid.Status.SUBMITTED:
        raise FundingError(_("Only a submitted bid can be decided."))
    _check_meeting(meeting)
    _check_meeting_date(bid, meeting)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise FundingError(_("That agenda item belongs to another meeting."))
    approving = outcome in Decision.APPROVALS
    if outcome == Decision.Outcome.APPROVE_WITH_CONDITIONS and not conditions.strip():
        raise FundingError(_("Write down the conditions of the approval."))
    if budget_change is not None and (budget_change <= 0 or not budget_change_reason.strip()):
        raise FundingError(_("A budget change needs an amount above £0 and the reason for it."))
    if approving:
        amount = bid.amount if amount is None else amount
        if amount <= 0 or amount > bid.amount:
            raise FundingError(
                _("The award must be above £0 and no more than the %(asked)s asked for.")
                % {"asked": money(bid.amount)}
            )
        _check_pot(bid, amount, budget_change)
    else:
        amount, budget_change = None, None
    with acting_as(by):
        decision = Decision.objects.create(
            bid=bid,
            meeting=meeting,
            agenda_item=agenda_item,
            outcome=outcome,
            amount=amount,
            conditions=conditions,
            feedback=feedback,
            budget_change=budget_change,
            budget_change_reason=budget_change_reason if budget_change else "",
            recorded_by=user_of(by),
        )
        bid.status = OUTCOME_STATUS[Decision.Outcome(outcome)]
        bid.save()
        project = None
        if approving:
            project = project_from_bid(
                bid=bid, decision=decision, on=timezone.localdate(meeting.starts_at)
            )
        audit_record(
            by=by,
            action=f"bid.decided.{outcome}",
            target=bid,
            about=[decision, bid.round, bid.lead, meeting, project],
            reason=feedback,
            changes={
                "outcome": outcome,
                "amount": str(amount) if amount is not None else None,
                "budget_change": str(budget_change) if budget_change is not None else None,
            },
        )
    transaction.on_commit(lambda: tasks.send_decision_email.enqueue(decision_id=decision.pk))
    return decision
