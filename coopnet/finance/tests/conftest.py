"""Finance fixtures: the Accountable Body configured, and fee schedules for a membership year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coopnet.finance.models import FeeSchedule, FinanceSettings
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory, category

YEAR = 2024  # 2024/25
RUN_DATE = date(2024, 9, 2)


@pytest.fixture
def finance_settings(db):
    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre\nWest Street\nOldham"
    config.body_email = "finance@example.org"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.reminder_days = [7, 30]
    config.save()
    return config


@pytest.fixture
def schedules(finance_settings):
    return {
        "full": FeeSchedule.objects.create(
            year=YEAR, category=category("full"), amount=Decimal("3500.00")
        ),
        "associate": FeeSchedule.objects.create(
            year=YEAR, category=category("associate"), amount=Decimal("250.00")
        ),
        "affiliate": FeeSchedule.objects.create(
            year=YEAR, category=category("affiliate"), amount=Decimal("250.00")
        ),
    }


@pytest.fixture
def invoice_contact_a(org_a):
    """A signed-in user who is org_a's invoice contact (not a profile manager)."""
    user = UserFactory(roles=["member_officer"])
    person = PersonFactory(user=user, full_name=user.full_name, email="invoices@oldham.example")
    RoleFactory(person=person, organisation=org_a, kind=RoleKind.INVOICE_CONTACT)
    return user
