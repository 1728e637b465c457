"""What the API may show each user: the same answers as `learning.view_assessment` and
`learning.view_review`, as querysets."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from coopnet.accounts.permissions import is_network_admin
from coopnet.members.selectors import managed_organisation_ids

from ..models import (
    ActionAnswer,
    Contributor,
    Criterion,
    Finding,
    Framework,
    PeerReview,
    Rating,
    Recommendation,
    Reviewer,
    SelfAssessment,
)


def assessments_visible_to(user: Any) -> QuerySet[SelfAssessment]:
    """Every assessment `learning.view_assessment` allows the user: staff see all; others those
    of the councils they manage, those they were invited to and those shared with a review they
    sit on. Never another council's."""
    qs = SelfAssessment.objects.select_related("organisation", "framework").prefetch_related(
        Prefetch("ratings", queryset=Rating.objects.select_related("criterion__principle")),
        Prefetch("action_answers", queryset=ActionAnswer.objects.select_related("item")),
    )
    if not (user is not None and getattr(user, "is_authenticated", False)):
        return qs.none()
    if is_network_admin(user):
        return qs.order_by("organisation__name", "-started_on", "-pk")
    person = getattr(user, "person", None)
    q = Q(organisation_id__in=managed_organisation_ids(user))
    if person is not None:
        q |= Q(Exists(Contributor.objects.filter(assessment=OuterRef("pk"), person=person)))
        q |= Q(Exists(Reviewer.objects.filter(review__assessment=OuterRef("pk"), person=person)))
    return qs.filter(q).order_by("organisation__name", "-started_on", "-pk")


def reviews_visible_to(user: Any) -> QuerySet[PeerReview]:
    """Published reports for everyone; staff see every review; others also those of the
    councils they manage and those they sit on."""
    from coopnet.learning.selectors import reviews

    qs = reviews().prefetch_related(
        Prefetch("findings", queryset=Finding.objects.select_related("principle")),
        Prefetch("recommendations", queryset=Recommendation.objects.select_related("principle")),
    )
    q = Q(status=PeerReview.Status.PUBLISHED)
    if user is not None and getattr(user, "is_authenticated", False):
        if is_network_admin(user):
            return qs.order_by("-set_up_on", "-pk")
        q |= Q(organisation_id__in=managed_organisation_ids(user))
        person = getattr(user, "person", None)
        if person is not None:
            q |= Q(Exists(Reviewer.objects.filter(review=OuterRef("pk"), person=person)))
    return qs.filter(q).order_by("-set_up_on", "-pk")


def frameworks() -> QuerySet[Framework]:
    return Framework.objects.prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.select_related("principle")),
        "criteria__levels",
        "actions",
    )
