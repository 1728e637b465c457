"""Fixtures for joining tests: the Accountable Body set up with this year's fees, so an approval
raises a real first invoice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from coopnet.members.tests.factories import category


@pytest.fixture
def finance_ready(db):
    from coopnet.core.membership_year import year_of as membership_year
    from coopnet.finance.models import FeeSchedule, FinanceSettings

    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Oldham Civic Centre\nWest Street\nOldham\nOL1 1UL"
    config.body_email = "comms@councils.coop"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    year = membership_year(timezone.localdate())
    # The seeds' budget assumes new Full members at £3,500 and Associates/Affiliates at £250.
    for code, amount in (("full", "3500.00"), ("associate", "250.00"), ("affiliate", "250.00")):
        FeeSchedule.objects.get_or_create(
            year=year, category=category(code), defaults={"amount": Decimal(amount)}
        )
    return config
