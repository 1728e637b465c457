"""Factories for learning: programmes, the framework, assessments and reviews."""

from __future__ import annotations

from datetime import date
from typing import Any

import factory
from django.utils import timezone

from coopnet.learning.demo import load_framework
from coopnet.learning.models import (
    Enrolment,
    Framework,
    PeerReview,
    Programme,
    Rating,
    SelfAssessment,
)
from coopnet.members.models import LocalAuthority, Organisation, OrganisationKind, RoleKind
from coopnet.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
)
from coopnet.members.tests.factories import category as member_category


class ProgrammeFactory(factory.django.DjangoModelFactory[Programme]):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = factory.Sequence(lambda n: f"Programme {n}")
    provider = "Co-operative College"
    certified = True
    link = "https://example.org/course"


class EnrolmentFactory(factory.django.DjangoModelFactory[Enrolment]):
    class Meta:
        model = Enrolment

    person = factory.SubFactory(PersonFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    enrolled_on = date(2025, 1, 1)


def framework() -> Framework:
    """Version 1 of the framework, as the demo loads it (one criterion per principle)."""
    return load_framework()


class SelfAssessmentFactory(factory.django.DjangoModelFactory[SelfAssessment]):
    class Meta:
        model = SelfAssessment

    organisation = factory.SubFactory(OrganisationFactory)
    framework = factory.LazyFunction(framework)
    started_on = factory.LazyFunction(timezone.localdate)


def submitted_assessment(organisation: Organisation, score: int, **kwargs: Any) -> SelfAssessment:
    """A submitted self-assessment rating every criterion `score`."""
    assessment = SelfAssessmentFactory.create(
        organisation=organisation,
        status=SelfAssessment.Status.SUBMITTED,
        submitted_on=timezone.localdate(),
        **kwargs,
    )
    Rating.objects.bulk_create(
        Rating(assessment=assessment, criterion=c, score=score)
        for c in assessment.framework.criteria.all()
    )
    return assessment


class PeerReviewFactory(factory.django.DjangoModelFactory[PeerReview]):
    class Meta:
        model = PeerReview

    organisation = factory.SubFactory(OrganisationFactory)
    set_up_on = factory.LazyFunction(timezone.localdate)


def member_council(name: str = "", category: str = "full") -> Organisation:
    """A council (on the next free local authority) with a current membership in `category`."""
    authority = LocalAuthority.objects.filter(organisation__isnull=True).order_by("code").first()
    extra = {"name": name} if name else {}
    council = OrganisationFactory.create(
        kind=OrganisationKind.PRINCIPAL_COUNCIL, local_authority=authority, **extra
    )
    MembershipFactory(organisation=council, category=member_category(category))
    return council


def officer_of(organisation: Organisation, *, manages: bool = True, roles: tuple = ()) -> Any:
    """A signed-in person with a current role at the organisation (managing its profile or not)."""
    user = UserFactory(roles=list(roles) or ["member_officer"])
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(
        person=person,
        organisation=organisation,
        kind=RoleKind.OFFICER_LEAD if manages else RoleKind.OFFICER,
        manages_profile=manages,
    )
    return user
