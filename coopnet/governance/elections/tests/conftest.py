from __future__ import annotations

import pytest

from coopnet.members.models import RoleKind

from .helpers import make_body, make_seat, person_with_role


@pytest.fixture
def body(db):
    return make_body()


@pytest.fixture
def full_seat(body):
    return make_seat(body)


@pytest.fixture
def voter_a(org_a):
    """The voting contact of org_a (Oldham, a Full member)."""
    return person_with_role(org_a, RoleKind.VOTING_CONTACT)


@pytest.fixture
def voter_b(org_b):
    """The voting contact of org_b (Kirklees, a Full member)."""
    return person_with_role(org_b, RoleKind.VOTING_CONTACT)


@pytest.fixture
def candidate_a(org_a):
    return person_with_role(org_a, RoleKind.COUNCILLOR)


@pytest.fixture
def candidate_b(org_b):
    return person_with_role(org_b, RoleKind.COUNCILLOR)
