"""Fixtures for learning: the framework, two other member councils and their officers."""

from __future__ import annotations

import pytest

from coopnet.learning.models import Framework

from .factories import framework, member_council, officer_of


@pytest.fixture
def current_framework(db) -> Framework:
    return framework()


@pytest.fixture
def org_c(db):
    return member_council("Council C")


@pytest.fixture
def org_d(db):
    return member_council("Council D")


@pytest.fixture
def reviewer_c(org_c):
    """An officer of council C (not managing its profile): a possible reviewer."""
    return officer_of(org_c, manages=False)


@pytest.fixture
def reviewer_d(org_d):
    return officer_of(org_d, manages=False)


@pytest.fixture
def colleague_a(org_a):
    """An officer of council A who does not manage its profile."""
    return officer_of(org_a, manages=False)
