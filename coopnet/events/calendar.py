"""iCalendar (RFC 5545) for events: the public feed and the invitations sent with bookings.

Built with the `icalendar` package. Single events are written in UTC; an event that repeats keeps
its wall-clock time in Europe/London (with the VTIMEZONE), so its recurrence rule expands
correctly across the clock changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Event, Registration
from .recurrence import Occurrence, occurrences, skipped_starts

PRODID = "-//coopnet//events//EN"
LONDON = ZoneInfo("Europe/London")


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def uid_of(event: Event) -> str:
    host = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "coopnet"
    return f"event-{event.pk}@{host}"


def _location(event: Event) -> str:
    parts = [event.venue, " ".join(event.address.split())] if event.is_in_person else []
    text = ", ".join(p for p in parts if p)
    return text or ("Online" if event.is_online else "")


def _recurrence_id(event: Event) -> date | datetime:
    """The RECURRENCE-ID of a changed date: the replaced start, in the series' own form (a date
    for an all-day series, else Europe/London wall-clock time as the series' DTSTART)."""
    series = event.series
    assert series is not None
    assert event.recurrence_id is not None
    if series.all_day:
        return timezone.localtime(event.recurrence_id).date()
    return event.recurrence_id.astimezone(LONDON)


def vevent(event: Event, *, joining_link: bool = False) -> icalendar.Event:
    item = icalendar.Event()
    changed = event.series_id is not None and event.series is not None
    item.add("uid", uid_of(event.series if changed else event))  # type: ignore[arg-type]
    if changed:
        item.add("recurrence-id", _recurrence_id(event))
    item.add("dtstamp", timezone.now())
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    if event.all_day:
        first = timezone.localtime(event.starts_at).date()
        last = timezone.localtime(event.ends_at).date()
        item.add("dtstart", first)
        item.add("dtend", last + timedelta(days=1))
    elif event.recurrence or changed:
        item.add("dtstart", event.starts_at.astimezone(LONDON))
        item.add("dtend", event.ends_at.astimezone(LONDON))
    else:
        item.add("dtstart", event.starts_at.astimezone(ZoneInfo("UTC")))
        item.add("dtend", event.ends_at.astimezone(ZoneInfo("UTC")))
    if event.recurrence:
        item.add("rrule", icalendar.vRecur.from_ical(event.recurrence))
        skipped = skipped_starts(event.starts_at, list(event.skipped_dates or []))
        if skipped:
            item.add("exdate", skipped)
    description = event.summary or event.description_text
    if joining_link and event.joining_link:
        description = f"{description}\n\n{event.joining_link}".strip()
    if description:
        item.add("description", description)
    location = _location(event)
    if joining_link and event.joining_link and event.attendance == Event.Attendance.ONLINE:
        location = event.joining_link
    if location:
        item.add("location", location)
    item.add("url", _site(event.get_absolute_url()))
    item.add("status", "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    return item


def _calendar(method: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    return cal


def _finish(cal: icalendar.Calendar, events: Iterable[Event]) -> bytes:
    if any(e.recurrence or e.series_id for e in events):
        cal.add_missing_timezones()
    return cal.to_ical()


def feed(events: Iterable[Event], *, joining_links: bool = False) -> bytes:
    """A feed of events: the public one, or a person's own places (with their joining links)."""
    events = list(events)
    cal = _calendar()
    cal.add("x-wr-calname", f"{settings.NETWORK_NAME}: events")
    for event in events:
        cal.add_component(vevent(event, joining_link=joining_links))
    return _finish(cal, events)


def invitation(registration: Registration, *, cancel: bool = False) -> bytes:
    """The invitation sent with a confirmed place (REQUEST), or its withdrawal (CANCEL)."""
    event = registration.event
    cal = _calendar("CANCEL" if cancel else "REQUEST")
    item = vevent(event, joining_link=not cancel)
    organiser = icalendar.vCalAddress(
        f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].strip('> ')}"
    )
    organiser.params["cn"] = icalendar.vText(settings.NETWORK_NAME)
    item.add("organizer", organiser)
    attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
    if registration.name:
        attendee.params["cn"] = icalendar.vText(registration.name)
    attendee.params["partstat"] = icalendar.vText("DECLINED" if cancel else "ACCEPTED")
    item.add("attendee", attendee)
    if cancel:
        item["status"] = icalendar.vText("CANCELLED")
        item["sequence"] = event.sequence + 1
    cal.add_component(item)
    changed = list(event.changed_occurrences.filter(status=Event.Status.PUBLISHED))
    for one in changed:
        cal.add_component(vevent(one, joining_link=not cancel))
    return _finish(cal, [event, *changed])


def occurrences_of(event: Event, first: datetime, last: datetime) -> list[Occurrence]:
    """When a repeating event takes place between two moments (a single event: itself). The
    dates changed on their own are events of their own (listed by themselves), so they are left
    out here; `changed_occurrences` may be prefetched."""
    if not event.recurrence:
        if event.starts_at <= last and event.ends_at >= first:
            return [Occurrence(event.starts_at, event.ends_at)]
        return []
    replaced = {one.recurrence_id for one in event.changed_occurrences.all()}
    return [o for o in occurrences(vevent(event), first, last) if o.starts_at not in replaced]
