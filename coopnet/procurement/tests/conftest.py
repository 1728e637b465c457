from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

import pytest
from django.utils import timezone

from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory
from coopnet.procurement.models import Category, RegimeRules
from coopnet.procurement.regimes import load_regime_rules

from .factories import AdmissionFactory, CategoryFactory, SupplierFactory


@pytest.fixture(autouse=True)
def _regime_rules(db) -> None:
    """Transactional tests flush the data migration's rules; put them back."""
    if not RegimeRules.objects.exists():
        load_regime_rules(RegimeRules)


def manager_of(organisation: Any) -> Any:
    user = UserFactory()
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    RoleFactory(
        person=person, organisation=organisation, kind=RoleKind.OFFICER, manages_profile=True
    )
    return user


@pytest.fixture
def category(db) -> Category:
    return cast(Category, CategoryFactory())


@pytest.fixture
def arrangement(category):
    return category.arrangement


@pytest.fixture
def supplier(db):
    return SupplierFactory()


@pytest.fixture
def supplier_user(supplier):
    return manager_of(supplier)


@pytest.fixture
def admitted(category):
    """Two suppliers admitted in the category, each with a manager."""
    first = AdmissionFactory(category=category)
    second = AdmissionFactory(category=category)
    return [(a.organisation, manager_of(a.organisation)) for a in (first, second)]


@pytest.fixture
def deadline():
    return timezone.now() + timedelta(days=14)
