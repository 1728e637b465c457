"""Fixtures shared by the API tests: a small registry, and an officer who keeps a profile."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coopnet.accounts.roles import UserRole
from coopnet.members.models import OrganisationKind
from coopnet.members.tests.api.helpers import (
    LEADER_EMAIL,
    LEADER_PHONE,
    ORG_EMAIL,
    ORG_PHONE,
    SUPPORTER_EMAIL,
)
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
    local_authority,
)


@pytest.fixture
def registry() -> dict[str, Any]:
    """A small registry: current, former, hidden and individual members, with contact details."""
    oldham = CouncilFactory(
        la_code="OLD", email=ORG_EMAIL, phone=ORG_PHONE, website="https://o.gov"
    )
    MembershipFactory(organisation=oldham, category=category("full"), start=date(2019, 4, 1))
    leader = PersonFactory(email=LEADER_EMAIL, phone=LEADER_PHONE, is_public=True)
    RoleFactory(organisation=oldham, person=leader)
    kirklees = CouncilFactory(la_code="KIR")
    MembershipFactory(
        organisation=kirklees,
        category=category("full"),
        start=date(2020, 8, 1),
        end=date(2022, 3, 31),
    )
    town = OrganisationFactory(
        name="Shaw and Crompton Parish Council",
        slug="shaw-crompton",
        kind=OrganisationKind.LOCAL_COUNCIL,
        area_authority=local_authority("OLD"),
    )
    MembershipFactory(organisation=town, category=category("associate"), start=date(2021, 1, 1))
    cardiff = CouncilFactory(la_code="CRF")
    MembershipFactory(organisation=cardiff, category=category("full"), start=date(2022, 8, 1))
    coop = OrganisationFactory(name="Co-op Futures", slug="coop-futures", email=ORG_EMAIL)
    MembershipFactory(organisation=coop, category=category("affiliate"), start=date(2020, 8, 1))
    hidden = OrganisationFactory(name="Hidden Trust", slug="hidden-trust", is_public=False)
    MembershipFactory(organisation=hidden, category=category("affiliate"), start=date(2020, 8, 1))
    person = PersonFactory(email=SUPPORTER_EMAIL, slug="a-supporter")
    MembershipFactory(
        organisation=None, person=person, category=category("supporter"), start=date(2021, 1, 1)
    )
    return {"oldham": oldham, "kirklees": kirklees, "town": town, "hidden": hidden}


@pytest.fixture
def officer(registry):
    """A signed-in officer who keeps Oldham's profile: not a network admin."""
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    RoleFactory(person=person, organisation=registry["oldham"], manages_profile=True)
    return user
