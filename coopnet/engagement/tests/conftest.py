from __future__ import annotations

import pytest

from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

from .factories import GroupFactory, officer_at


@pytest.fixture
def group(db):
    """An open thematic group for officers of Full and Associate members, with rules."""
    return GroupFactory(name="Community Wealth Building", slug="community-wealth-building")


@pytest.fixture
def approval_group(db):
    return GroupFactory(
        name="Leaders and Co-operative Leads", slug="leaders", join_policy="approval"
    )


@pytest.fixture
def affiliate_org(db):
    org = OrganisationFactory()
    MembershipFactory(organisation=org, category=category("affiliate"))
    return org


@pytest.fixture
def officer_c(org_a):
    """A second officer at organisation A (a Full member)."""
    return officer_at(org_a)


@pytest.fixture
def affiliate_officer(affiliate_org):
    return officer_at(affiliate_org)
