"""Membership years (1 August to 31 July), named "2021/22" after the year they start in."""

from __future__ import annotations

import re
from datetime import date

YEAR_LABEL = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def parse_year_label(text: str) -> int | None:
    """2021 for "2021/22", "2021-22" or "2021/2022"; None if the text is not such a year."""
    match = YEAR_LABEL.match(text or "")
    if not match:
        return None
    start, end = int(match.group(1)), match.group(2)
    expected = f"{(start + 1) % 100:02d}" if len(end) == 2 else str(start + 1)
    return start if end == expected else None


def year_start(year: int) -> date:
    return date(year, 8, 1)


def year_end(year: int) -> date:
    return date(year + 1, 7, 31)


def year_of(day: date) -> int:
    """The membership year a date falls in."""
    return day.year if day.month >= 8 else day.year - 1
