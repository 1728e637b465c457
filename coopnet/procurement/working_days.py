"""Working days: Monday to Friday, except the bank holidays of England and Wales.

The bank holidays come from the `holidays` package (subdivisions ENG and WLS of GB, the union of
the two), kept offline with the code, never typed by hand. A clock that runs N working days
from a day counts the working days after it: an application received on a Friday afternoon is
due on the Nth working day after that Friday. The rules are written in docs/procurement.md.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from .models.arrangements import RegimeRules

SUBDIVISIONS = ("ENG", "WLS")


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[date]:
    days: set[date] = set()
    for subdiv in SUBDIVISIONS:
        days.update(holidays.country_holidays("GB", subdiv=subdiv, years=year).keys())
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The `count`th working day after `day` (`day` itself never counts)."""
    current = day
    left = count
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def working_days_between(first: date, last: date) -> int:
    """Working days after `first` up to and including `last` (0 when `last` <= `first`)."""
    count = 0
    current = first
    while current < last:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def decision_due(received_on: date, regime: str, *, extended: bool = False) -> date:
    """The last day to decide on an application received on `received_on` under `regime`."""
    rules = RegimeRules.objects.get(regime=regime)
    days = rules.extended_decision_working_days if extended else rules.decision_working_days
    return add_working_days(received_on, days)
