"""Repeating events (the monthly officer meeting): an iCalendar RRULE with skipped dates.

The rule is kept as RFC 5545 text and expanded by kept libraries, never by hand: python-dateutil
finds where a finite series ends, and `recurring-ical-events` lists the occurrences in a window
from the same VEVENT the calendar feed publishes, so the page and people's calendars agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from dateutil.rrule import rrulestr

LONDON = ZoneInfo("Europe/London")
MAX_EXPANSION = 1000


class RecurrenceError(ValueError):
    """The text is not an RRULE this app can keep."""


@dataclass(frozen=True)
class Occurrence:
    starts_at: datetime
    ends_at: datetime


def check_rule(rule: str) -> None:
    try:
        icalendar.vRecur.from_ical(rule)
        rrulestr(rule, dtstart=datetime(2000, 1, 1, tzinfo=LONDON))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(str(exc)) from exc


def _rule(starts_at: datetime, rule: str) -> Any:
    return rrulestr(rule, dtstart=starts_at.astimezone(LONDON))


def skipped_starts(starts_at: datetime, skipped: list[str]) -> list[datetime]:
    """The start time of each skipped occurrence (the series' wall-clock time on that day)."""
    clock = starts_at.astimezone(LONDON).time()
    return [datetime.combine(date.fromisoformat(d), clock, LONDON) for d in skipped]


def series_end(starts_at: datetime, ends_at: datetime, rule: str) -> datetime | None:
    """When the last occurrence ends, or None for a series without COUNT or UNTIL."""
    if not rule:
        return ends_at
    upper = rule.upper()
    if "COUNT=" not in upper and "UNTIL=" not in upper:
        return None
    last = None
    for n, start in enumerate(_rule(starts_at, rule)):
        last = start
        if n >= MAX_EXPANSION:
            break
    if last is None:
        return ends_at
    return last + (ends_at - starts_at)


def occurrences(
    vevent: icalendar.Event | list[icalendar.Event], first: date | datetime, last: date | datetime
) -> list[Occurrence]:
    """The occurrences of one VEVENT (with its RRULE and EXDATEs, and the VEVENTs of its dates
    changed on their own, by RECURRENCE-ID) between two moments."""
    cal = icalendar.Calendar()
    for item in vevent if isinstance(vevent, list) else [vevent]:
        cal.add_component(item)
    found = recurring_ical_events.of(cal).between(_moment(first), _moment(last))
    result = [
        Occurrence(starts_at=_aware(item["DTSTART"].dt), ends_at=_aware(item["DTEND"].dt))
        for item in found
    ]
    return sorted(result, key=lambda o: o.starts_at)


def _moment(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, LONDON)


def _aware(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=LONDON)
    return datetime.combine(value, time.min, LONDON)
