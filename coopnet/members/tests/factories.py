"""Factories for registry tests. Councils link to real rows of the local-authority table."""

from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth.models import Group

from coopnet.accounts.models import User
from coopnet.members.models import (
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RoleKind,
)


def category(code: str) -> MembershipCategory:
    return MembershipCategory.objects.get(code=code)


def local_authority(code: str) -> LocalAuthority:
    return LocalAuthority.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def roles(obj: User, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create:
            obj.save()
        if create and extracted:
            for role in extracted:
                obj.groups.add(Group.objects.get(name=role))


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.AFFILIATE_ORGANISATION


class CouncilFactory(OrganisationFactory):
    """A principal council; pass la_code to pick which (default: Oldham)."""

    class Params:
        la_code = "OLD"

    kind = OrganisationKind.PRINCIPAL_COUNCIL
    local_authority = factory.LazyAttribute(lambda o: LocalAuthority.objects.get(code=o.la_code))
    name = factory.LazyAttribute(lambda o: o.local_authority.official_name)  # type: ignore[assignment]
    slug = factory.LazyAttribute(lambda o: o.local_authority.code.lower())  # type: ignore[assignment]


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    full_name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"person-{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "01632 960000"
    is_public = True


class RoleFactory(factory.django.DjangoModelFactory[Role]):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = RoleKind.OFFICER
    start = date(2020, 1, 1)


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    category = factory.LazyFunction(lambda: category("affiliate"))
    start = date(2020, 8, 1)
