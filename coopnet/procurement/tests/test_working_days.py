"""The decision clock: 10 working days (15 when extended), weekends and bank holidays of England
and Wales excluded, across Easter and Christmas."""

from datetime import date

import pytest

from coopnet.procurement.models import Regime
from coopnet.procurement.working_days import (
    add_working_days,
    bank_holidays,
    decision_due,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db

DPS = Regime.PCR_2015_DPS


def test_bank_holidays_come_from_the_library_for_england_and_wales():
    days = bank_holidays(2024)
    assert date(2024, 3, 29) in days  # Good Friday
    assert date(2024, 4, 1) in days  # Easter Monday
    assert date(2024, 12, 25) in days
    assert date(2024, 12, 26) in days
    assert date(2024, 3, 18) not in days  # St Patrick's Day: Northern Ireland only
    assert date(2024, 1, 2) not in days  # 2 January: Scotland only


def test_weekends_and_bank_holidays_are_not_working_days():
    assert is_working_day(date(2024, 3, 28))  # Thursday
    assert not is_working_day(date(2024, 3, 29))  # Good Friday
    assert not is_working_day(date(2024, 3, 30))  # Saturday
    assert not is_working_day(date(2024, 4, 1))  # Easter Monday


def test_ten_working_days_across_easter():
    # Received on the Thursday before Good Friday: the clock skips Good Friday, the weekend and
    # Easter Monday, so the 10th working day is Monday 15 April, not Thursday 11 April.
    assert decision_due(date(2024, 3, 28), DPS) == date(2024, 4, 15)


def test_ten_working_days_across_christmas_and_new_year():
    # 25, 26 December and 1 January 2024 are bank holidays.
    assert decision_due(date(2023, 12, 22), DPS) == date(2024, 1, 10)


def test_substitute_bank_holidays_when_christmas_falls_on_a_weekend():
    # Christmas 2021 was a Saturday: 27 and 28 December and 3 January were the bank holidays.
    assert decision_due(date(2021, 12, 24), DPS) == date(2022, 1, 12)


def test_an_extension_gives_fifteen_working_days():
    assert decision_due(date(2024, 3, 28), DPS, extended=True) == date(2024, 4, 22)


def test_an_application_received_at_a_weekend_counts_from_the_next_working_day():
    # Saturday 6 January 2024: day 1 is Monday 8 January, day 10 is Friday 19 January.
    assert decision_due(date(2024, 1, 6), DPS) == date(2024, 1, 19)


def test_the_rules_are_data_per_regime():
    from coopnet.procurement.models import RegimeRules

    RegimeRules.objects.filter(regime=Regime.PA_2023_DYNAMIC_MARKET).update(decision_working_days=5)
    assert decision_due(date(2024, 3, 28), Regime.PA_2023_DYNAMIC_MARKET) == date(2024, 4, 8)
    assert decision_due(date(2024, 3, 28), DPS) == date(2024, 4, 15)


def test_working_days_between_counts_the_days_after_the_first():
    assert working_days_between(date(2024, 3, 28), date(2024, 4, 15)) == 10
    assert working_days_between(date(2024, 4, 15), date(2024, 4, 15)) == 0
    assert add_working_days(date(2024, 3, 28), 0) == date(2024, 3, 28)
