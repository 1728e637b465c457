"""Peer reviews: set up, reviewers (never from the council reviewed, never with a declared
conflict), the shared self-assessment, findings and recommendations, the report and its actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require
from coopnet.core.models import Principle
from coopnet.members.models import Membership, Organisation, Person, Role

from .. import selectors, tasks
from ..errors import LearningError
from ..models import (
    ConflictDeclaration,
    Finding,
    PeerReview,
    Recommendation,
    Reviewer,
    SelfAssessment,
)


@dataclass(frozen=True)
class RecommendationInput:
    text: str
    due_on: date


def _locked(review: PeerReview) -> PeerReview:
    return (
        PeerReview.objects.select_for_update(of=("self",))
        .select_related("organisation", "assessment")
        .get(pk=review.pk)
    )


def _open(review: PeerReview) -> PeerReview:
    review = _locked(review)
    if not review.is_open:
        raise LearningError(_("The report has been agreed; the review can no longer change."))
    return review


@transaction.atomic
def review_setup(*, organisation: Organisation, by: Any, on: date | None = None) -> PeerReview:
    """Staff set up a peer review of a member council."""
    require(by, "learning.manage")
    day = on or timezone.localdate()
    if not Membership.objects.current_on(day).filter(organisation=organisation).exists():
        raise LearningError(_("Only a current member can be peer reviewed."), field="organisation")
    if PeerReview.objects.filter(
        organisation=organisation, status=PeerReview.Status.SET_UP
    ).exists():
        raise LearningError(
            _("The council already has a review in progress."), field="organisation"
        )
    with acting_as(by):
        review = PeerReview.objects.create(
            organisation=organisation, set_up_on=day, set_up_by=user_of(by)
        )
        audit_record(by=by, action="peer_review.set_up", target=review, about=(organisation,))
    return review


@transaction.atomic
def conflict_declare(
    *, person: Person, organisation: Organisation, reason: str, by: Any
) -> ConflictDeclaration:
    """A person declares an interest in an organisation (themselves, or staff on their behalf)."""
    own = getattr(by, "person", None)
    if not ((own is not None and own.pk == person.pk) or by.has_perm("learning.manage")):
        raise refuse(_("You may only declare your own interests."))
    if not reason.strip():
        raise LearningError(_("Say what the interest is."), field="reason")
    with acting_as(by):
        conflict, _created = ConflictDeclaration.objects.update_or_create(
            person=person,
            organisation=organisation,
            defaults={"reason": reason.strip(), "declared_on": timezone.localdate()},
        )
        audit_record(
            by=by,
            action="peer_review.conflict_declared",
            target=conflict,
            about=(person, organisation),
        )
    return conflict


def reviewer_council(person: Person, review: PeerReview, on: date) -> Organisation:
    """The other member council the person reviews from; refuse anyone who may not review."""
    roles = Role.objects.current_on(on).filter(person=person).select_related("organisation")
    if roles.filter(organisation=review.organisation).exists():
        raise LearningError(
            _("%(name)s is from the council under review, so cannot review it.")
            % {"name": person.full_name},
            field="person",
            code="own_council",
        )
    if ConflictDeclaration.objects.filter(person=person, organisation=review.organisation).exists():
        raise LearningError(
            _("%(name)s has declared a conflict of interest with this council.")
            % {"name": person.full_name},
            field="person",
            code="conflict",
        )
    members = Membership.objects.current_on(on).values("organisation_id")
    council = roles.filter(organisation_id__in=members).order_by("organisation__name").first()
    if council is None:
        raise LearningError(
            _("%(name)s holds no current role at another member council.")
            % {"name": person.full_name},
            field="person",
            code="not_a_member",
        )
    return council.organisation


@transaction.atomic
def review_assign_reviewer(
    *, review: PeerReview, person: Person, by: Any, on: date | None = None
) -> Reviewer:
    """Put a person from another member council on the review."""
    require(by, "learning.manage")
    review = _open(review)
    day = on or timezone.localdate()
    council = reviewer_council(person, review, day)
    if review.reviewers.filter(person=person).exists():
        raise LearningError(
            _("%(name)s is already a reviewer.") % {"name": person.full_name}, field="person"
        )
    with acting_as(by):
        reviewer = Reviewer.objects.create(
            review=review,
            person=person,
            organisation=council,
            assigned_by=user_of(by),
            assigned_on=day,
        )
        audit_record(
            by=by,
            action="peer_review.reviewer_assigned",
            target=review,
            about=(person, review.organisation, council),
        )
    transaction.on_commit(lambda: tasks.send_reviewer_assignment.enqueue(reviewer_id=reviewer.pk))
    return reviewer


@transaction.atomic
def review_share_assessment(
    *, review: PeerReview, assessment: SelfAssessment, by: Any
) -> PeerReview:
    """The council shares one of its submitted self-assessments with its reviewers."""
    review = _open(review)
    require(by, "learning.decide_report", review)
    if assessment.organisation_id != review.organisation_id:
        raise LearningError(_("Share one of the council's own self-assessments."))
    if assessment.is_draft:
        raise LearningError(_("Submit the self-assessment before sharing it."))
    with acting_as(by):
        review.assessment = assessment
        review.save(update_fields=["assessment"])
        audit_record(
            by=by,
            action="peer_review.assessment_shared",
            target=review,
            about=(assessment, review.organisation),
        )
    return review


@transaction.atomic
def review_record_findings(
    *,
    review: PeerReview,
    principle: Principle,
    findings: str,
    recommendations: Sequence[RecommendationInput],
    by: Any,
) -> Finding:
    """A reviewer records the findings on one principle and the recommendations that follow."""
    review = _open(review)
    require(
        by,
        "learning.record_findings",
        review,
        message=_("Only the review's reviewers may record findings."),
    )
    if principle.family != Principle.Family.NETWORK:
        raise LearningError(_("Findings are recorded against the network's principles."))
    if not findings.strip():
        raise LearningError(_("Write the findings."), field="findings")
    today = timezone.localdate()
    for rec in recommendations:
        if rec.due_on < today:
            raise LearningError(_("A recommendation cannot be due in the past."), field="due_on")
    with acting_as(by):
        finding, _created = Finding.objects.update_or_create(
            review=review,
            principle=principle,
            defaults={"findings": findings.strip(), "recorded_by": user_of(by)},
        )
        for rec in recommendations:
            if rec.text.strip():
                Recommendation.objects.create(
                    review=review, principle=principle, text=rec.text.strip(), due_on=rec.due_on
                )
        audit_record(
            by=by,
            action="peer_review.findings_recorded",
            target=review,
            summary=f"{principle.name}",
            about=(review.organisation,),
        )
    return finding


@transaction.atomic
def review_agree(*, review: PeerReview, by: Any, summary: str = "") -> PeerReview:
    """The council agrees the report; findings and recommendations are then fixed."""
    review = _open(review)
    require(
        by,
        "learning.decide_report",
        review,
        message=_("Only those who manage the council's profile may agree its report."),
    )
    if not review.findings.exists():
        raise LearningError(_("The reviewers have not recorded any findings yet."))
    with acting_as(by):
        review.status = PeerReview.Status.AGREED
        review.agreed_on = timezone.localdate()
        if summary:
            review.summary = summary
        review.save(update_fields=["status", "agreed_on", "summary"])
        audit_record(
            by=by, action="peer_review.agreed", target=review, about=(review.organisation,)
        )
    return review


@transaction.atomic
def review_publish(*, review: PeerReview, publish: bool, by: Any) -> PeerReview:
    """The council chooses: publish the agreed report, or keep it private."""
    review = _locked(review)
    require(
        by,
        "learning.decide_report",
        review,
        message=_("Only the council decides whether its report is published."),
    )
    if review.status == PeerReview.Status.SET_UP:
        raise LearningError(_("Agree the report before deciding whether to publish it."))
    with acting_as(by):
        review.status = PeerReview.Status.PUBLISHED if publish else PeerReview.Status.PRIVATE
        review.decided_on = timezone.localdate()
        review.save(update_fields=["status", "decided_on"])
        audit_record(
            by=by,
            action="peer_review.published" if publish else "peer_review.kept_private",
            target=review,
            about=(review.organisation,),
        )
    return review


@transaction.atomic
def action_complete(
    *, recommendation: Recommendation, by: Any, on: date | None = None, note: str = ""
) -> Recommendation:
    """The council marks the action on a recommendation done."""
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("review__organisation")
        .get(pk=recommendation.pk)
    )
    require(by, "learning.complete_action", recommendation)
    if recommendation.review.is_open:
        raise LearningError(_("Actions start once the report is agreed."))
    if recommendation.completed_on is not None:
        raise LearningError(_("This action is already complete."))
    day = on or timezone.localdate()
    if day > timezone.localdate():
        raise LearningError(_("The date cannot be in the future."), field="completed_on")
    with acting_as(by):
        recommendation.completed_on = day
        recommendation.completion_note = note
        recommendation.completed_by = user_of(by)
        recommendation.save(update_fields=["completed_on", "completion_note", "completed_by"])
        audit_record(
            by=by,
            action="peer_review.action_completed",
            target=recommendation,
            about=(recommendation.review, recommendation.review.organisation),
        )
    return recommendation


REMINDER_DAYS = 14


def action_reminders_send(*, on: date) -> int:
    """Queue a reminder for every open action of an agreed report due within REMINDER_DAYS of
    `on` or overdue; the emails go after the commit. Returns how many were queued."""
    due = list(
        selectors.actions_due_for_reminder(on + timedelta(days=REMINDER_DAYS)).values_list(
            "pk", flat=True
        )
    )
    for pk in due:
        transaction.on_commit(partial(tasks.send_action_reminder.enqueue, recommendation_id=pk))
    return len(due)
