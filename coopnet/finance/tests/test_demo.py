"""The finance demo data: the Accountable Body and the seeds' fees, loaded idempotently."""

from __future__ import annotations

from decimal import Decimal

import pytest

from coopnet.demo.loader import LoadSummary
from coopnet.finance import demo
from coopnet.finance.models import FeeSchedule, FinanceSettings, Invoice

pytestmark = pytest.mark.django_db


def test_demo_loads_the_seed_fees_and_accountable_body():
    demo.load(LoadSummary())
    assert FinanceSettings.current().body_name == "Oldham Council"
    fees = {
        (s.year, s.category.code): s.amount for s in FeeSchedule.objects.select_related("category")
    }
    for year in (2022, 2023, 2024):
        assert fees[(year, "full")] == Decimal("3500.00")
        assert fees[(year, "associate")] == Decimal("250.00")
        assert fees[(year, "affiliate")] == Decimal("250.00")
    assert len(fees) == 9  # no fee for Supporters: the seeds give none
    assert not Invoice.objects.exists()


def test_loading_twice_changes_nothing():
    demo.load(LoadSummary())
    history = FeeSchedule.history.count()
    again = LoadSummary()
    demo.load(again)
    assert not again.created
    assert not again.updated
    assert FeeSchedule.history.count() == history
