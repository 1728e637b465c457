"""Factories for funding tests (factory-boy), and the system actor tests write as."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.funding.models import Bid, BidPartner, Project, Round, RoundPot, Scheme
from coopnet.members.tests.factories import OrganisationFactory

# Set-up that is not the behaviour under test writes as the system, never as `by=None`.
SYSTEM = System("tests")


def scheme(kind: str = "lab") -> Scheme:
    return Scheme.objects.get(kind=kind)


class RoundFactory(factory.django.DjangoModelFactory[Round]):
    class Meta:
        model = Round
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    theme = "Co-operative care"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))


class RoundPotFactory(factory.django.DjangoModelFactory[RoundPot]):
    class Meta:
        model = RoundPot

    round = factory.SubFactory(RoundFactory)
    scheme = factory.LazyFunction(scheme)
    amount = Decimal("60000")


class BidFactory(factory.django.DjangoModelFactory[Bid]):
    """A draft bid; fill it in with `conftest.complete_bid` before submitting it."""

    class Meta:
        model = Bid

    round = factory.SubFactory(RoundFactory)
    scheme = factory.LazyFunction(scheme)
    lead = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Co-operative food network {n}")
    status = Bid.Status.DRAFT


class BidPartnerFactory(factory.django.DjangoModelFactory[BidPartner]):
    class Meta:
        model = BidPartner

    bid = factory.SubFactory(BidFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    """A published funded project of the current round."""

    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"funded-project-{n}")
    title = factory.Sequence(lambda n: f"Funded project {n}")
    summary = "Councils and residents worked it out together."
    round = factory.SubFactory(RoundFactory)
    scheme = factory.LazyFunction(scheme)
    lead = factory.SubFactory(OrganisationFactory)
    status = Project.Status.ACTIVE
    is_published = True
