"""Project-wide pytest fixtures: one user per role, and organisations A and B."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coopnet.accounts.models import Invitation
from coopnet.accounts.roles import UserRole
from coopnet.core.tests.matrix import app_matrix_modules
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
)

PASSWORD = "correct horse battery staple"

pytest_plugins = ["coopnet.core.tests.browser"]


def pytest_collection_modifyitems(config, items):
    """Run each database engine's own tests only on that engine."""
    from django.db import connection

    vendor = connection.vendor
    skip = {
        "postgres_only": pytest.mark.skip(reason="PostgreSQL path; run by make test-postgres"),
        "sqlite_only": pytest.mark.skip(reason="SQLite path; run by make test"),
    }
    for item in items:
        if "postgres_only" in item.keywords and vendor != "postgresql":
            item.add_marker(skip["postgres_only"])
        if "sqlite_only" in item.keywords and vendor != "sqlite":
            item.add_marker(skip["sqlite_only"])


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        "live_server" in fixtures
        or "transactional_db" in fixtures
        or bool(marker and marker.kwargs.get("transaction"))
    )


def _load_reference_data() -> None:
    from coopnet.accounts.groups import sync_role_groups
    from coopnet.core.models import Principle
    from coopnet.core.principles import load_principles
    from coopnet.learning.models import InductionStep
    from coopnet.learning.phases import load_steps
    from coopnet.members.models import LocalAuthority, MembershipCategory
    from coopnet.members.reference import load_categories, load_local_authorities
    from coopnet.procurement.models import RegimeRules
    from coopnet.procurement.regimes import load_regime_rules

    if not LocalAuthority.objects.exists():
        load_local_authorities(LocalAuthority)
        load_categories(MembershipCategory)
        load_principles(Principle)
        sync_role_groups()
    if not RegimeRules.objects.exists():
        load_regime_rules(RegimeRules)
    if not InductionStep.objects.exists():
        load_steps(InductionStep)


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests flush the database: put back what the data migrations load, before the
    test and again after its flush, so the tests that run after it on the same worker (pytest
    may group browser tests anywhere in the order) find the reference data too."""
    if not _is_transactional(request.node):
        yield
        return
    request.getfixturevalue("transactional_db")
    _load_reference_data()
    yield
    # transactional_db was set up after this fixture began, so its flush has run by now.
    _load_reference_data()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A Welsh request leaves Welsh active in the thread; start every test in English."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Rolled-back test transactions can reuse ids that cache keys are built from."""
    from django.core.cache import caches

    for alias in ("default", "local"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org_a(db):
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(organisation=council, category=category("full"))
    return council


@pytest.fixture
def org_b(db):
    council = CouncilFactory(la_code="KIR")
    MembershipFactory(organisation=council, category=category("full"))
    return council


def _officer_of(org, role):
    user = UserFactory(roles=[role])
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(person=person, organisation=org, kind=RoleKind.OFFICER_LEAD, manages_profile=True)
    return user


@pytest.fixture
def officer_a(org_a):
    return _officer_of(org_a, UserRole.MEMBER_OFFICER)


@pytest.fixture
def officer_b(org_b):
    return _officer_of(org_b, UserRole.MEMBER_OFFICER)


@pytest.fixture
def network_admin(db):
    return UserFactory(roles=[UserRole.NETWORK_ADMIN], is_staff=True)


@pytest.fixture
def finance_officer(db):
    return UserFactory(roles=[UserRole.FINANCE_OFFICER], is_staff=True)


@pytest.fixture
def board_member(db):
    return UserFactory(roles=[UserRole.BOARD_MEMBER])


@pytest.fixture
def supporter(db):
    return UserFactory(roles=[UserRole.SUPPORTER])


@pytest.fixture
def role_users(db, officer_a, officer_b, network_admin, finance_officer, board_member, supporter):
    """Every role the permission matrix names, keyed by name (anonymous is None)."""
    return {
        "anonymous": None,
        "supporter": supporter,
        "officer_a": officer_a,
        "officer_b": officer_b,
        "board_member": board_member,
        "finance_officer": finance_officer,
        "network_admin": network_admin,
    }


@pytest.fixture
def matrix_context(org_a, org_b, network_admin, role_users) -> dict[str, Any]:
    """The objects every app's part of the permission matrix needs (see core/tests/matrix.py)."""
    invitation = Invitation.objects.create(
        email="invited@example.org",
        full_name="Invited Person",
        role="member_officer",
        organisation=org_a,
        invited_by=network_admin,
    )
    ctx: dict[str, Any] = {
        "org_a": org_a,
        "org_b": org_b,
        "role_a": RoleFactory(organisation=org_a),
        "invitation": invitation,
        "users": role_users,
    }
    for module in app_matrix_modules():
        if hasattr(module, "site_context"):
            ctx.update(module.site_context(ctx))
    return ctx
