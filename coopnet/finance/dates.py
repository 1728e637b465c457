"""The membership year: 1 August to 31 July, named by the year it starts."""

from __future__ import annotations

from datetime import date


def membership_year(on: date) -> int:
    return on.year if on.month >= 8 else on.year - 1


def year_start(year: int) -> date:
    return date(year, 8, 1)


def year_end(year: int) -> date:
    return date(year + 1, 7, 31)


def months_left(on: date) -> int:
    """Months of the membership year from the month of `on` to July, both included (1 to 12)."""
    return 12 - ((on.month - 8) % 12)
