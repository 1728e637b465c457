"""Take-up for the board and staff: how many members train, finish their induction and assess
themselves or are peer reviewed. Whole-network counts only (no council's own answers), in a fixed
number of queries whatever the size of the network."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from coopnet.core.caching import remember_public
from coopnet.members.models import Membership
from coopnet.members.selectors import organisations_with_membership_count

from ..models import Enrolment, Induction, PeerReview, Recommendation, SelfAssessment


@dataclass(frozen=True)
class TakeUp:
    members: int
    members_training: int
    enrolled: int
    completed: int
    certified_completed: int
    inductions: int
    inductions_complete: int
    inductions_overdue: int
    members_assessed: int
    reviews: int
    reports_agreed: int
    reports_published: int
    actions: int
    actions_done: int

    @staticmethod
    def share(part: int, whole: int) -> int:
        return round(100 * part / whole) if whole else 0

    @property
    def training_share(self) -> int:
        return self.share(self.members_training, self.members)

    @property
    def assessed_share(self) -> int:
        return self.share(self.members_assessed, self.members)


def take_up_cached(on: date) -> TakeUp:
    """`take_up`, remembered until a record it counts changes (the learning records it reads
    move the version on, `LearningConfig.ready`)."""
    return remember_public("learning-take-up", (on,), lambda: take_up(on))


def take_up(on: date) -> TakeUp:
    # per row, through the membership index: "organisation_id IN (every current member)" would
    # read every membership on each count
    is_member = Exists(
        Membership.objects.current_on(on).filter(organisation=OuterRef("organisation"))
    )
    training = Enrolment.objects.aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
        certified=Count(
            "pk", filter=Q(status=Enrolment.Status.COMPLETED, programme__certified=True)
        ),
        members_training=Count("organisation", filter=Q(is_member), distinct=True),
    )
    inductions = (
        Induction.objects.annotate(
            open_steps=Count("items", filter=Q(items__done_on__isnull=True)),
            late_steps=Count("items", filter=Q(items__done_on__isnull=True, items__due_on__lt=on)),
        )
        .values("pk", "open_steps", "late_steps")
        .order_by()
    )
    rows = list(inductions)
    reviews = PeerReview.objects.aggregate(
        reviews=Count("pk"),
        agreed=Count("pk", filter=~Q(status=PeerReview.Status.SET_UP)),
        published=Count("pk", filter=Q(status=PeerReview.Status.PUBLISHED)),
    )
    actions = Recommendation.objects.aggregate(
        actions=Count("pk"), done=Count("pk", filter=Q(completed_on__isnull=False))
    )
    return TakeUp(
        members=organisations_with_membership_count(on),
        members_training=training["members_training"],
        enrolled=training["enrolled"],
        completed=training["completed"],
        certified_completed=training["certified"],
        inductions=len(rows),
        inductions_complete=sum(1 for r in rows if r["open_steps"] == 0),
        inductions_overdue=sum(1 for r in rows if r["late_steps"]),
        members_assessed=SelfAssessment.objects.filter(
            is_member, status=SelfAssessment.Status.SUBMITTED
        )
        .values("organisation_id")
        .distinct()
        .count(),
        reviews=reviews["reviews"],
        reports_agreed=reviews["agreed"],
        reports_published=reviews["published"],
        actions=actions["actions"],
        actions_done=actions["done"],
    )
