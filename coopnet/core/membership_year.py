"""The membership year: 1 August to 31 July, named by the year it starts in ("2021/22").

The one definition of the network's year. Invoices, budgets, funding rounds, KPIs, reports and
the leaving rule all take their year from here.
"""

from __future__ import annotations

import re
from datetime import date

FIRST_MONTH = 8  # August
YEAR_LABEL = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


def year_of(day: date) -> int:
    """The membership year `day` falls in, named by the calendar year it starts in."""
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def year_start(year: int) -> date:
    return date(year, FIRST_MONTH, 1)


def year_end(year: int) -> date:
    return date(year + 1, FIRST_MONTH - 1, 31)


def year_end_of(day: date) -> date:
    """The last day (31 July) of the membership year `day` falls in."""
    return year_end(year_of(day))


def year_label(year: int) -> str:
    """ "2021/22" for 2021."""
    return f"{year}/{(year + 1) % 100:02d}"


def parse_year_label(text: str) -> int | None:
    """2021 for "2021/22", "2021-22" or "2021/2022"; None if the text is not such a year."""
    match = YEAR_LABEL.match(text or "")
    if not match:
        return None
    start, end = int(match.group(1)), match.group(2)
    expected = f"{(start + 1) % 100:02d}" if len(end) == 2 else str(start + 1)
    return start if end == expected else None


def months_left(day: date) -> int:
    """Months of the membership year from the month of `day` to July, both included (1 to 12)."""
    return 12 - ((day.month - FIRST_MONTH) % 12)
