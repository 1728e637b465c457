"""One date of a repeating event changed on its own, and a date and all that follow: the page,
the refusals and the calendar feeds (RECURRENCE-ID, UNTIL), read back with `icalendar` and
expanded with `recurring-ical-events` as a calendar application would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.urls import reverse

from coopnet.core.actors import System
from coopnet.core.guard import Refused
from coopnet.events import calendar, services
from coopnet.events.errors import EventsError
from coopnet.events.models import Event, Registration
from coopnet.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SYSTEM = System("test")
START = datetime(2022, 1, 11, 10, 0, tzinfo=LONDON)  # the second Tuesday, GMT


def _details(start: datetime = START, **kw) -> services.EventDetails:
    return services.EventDetails(
        title=kw.pop("title", "Officer Network meeting"),
        kind=Event.Kind.OFFICER_MEETING,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        organiser=None,
        attendance=Event.Attendance.ONLINE,
        recurrence=kw.pop("recurrence", "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"),
        counts_towards_events_figure=False,
        **kw,
    )


def _series() -> Event:
    event = services.event_create(by=SYSTEM, details=_details())
    return services.event_publish(event=event, by=SYSTEM)


def _feed(client) -> icalendar.Calendar:
    response = client.get("/events.ics")
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def _expanded(cal: icalendar.Calendar) -> list[tuple[str, datetime, str]]:
    found = recurring_ical_events.of(cal).between(date(2022, 1, 1), date(2023, 1, 1))
    rows = [(str(e["UID"]), e["DTSTART"].dt.astimezone(LONDON), str(e["SUMMARY"])) for e in found]
    return sorted(rows, key=lambda r: r[1])


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LONDON)


def test_one_date_changes_on_its_own_and_the_feed_says_so_by_recurrence_id(client):
    series = _series()
    moved = services.event_change_occurrence(
        event=series,
        by=SYSTEM,
        day=date(2022, 3, 8),
        details=_details(_at(date(2022, 3, 9), 14), title="Officer Network meeting (moved)"),
    )
    series.refresh_from_db()
    assert moved.series == series
    assert moved.is_published
    assert moved.recurrence == ""  # the date is not a series of its own
    assert series.sequence == 1  # calendars that hold the series take the change

    rows = _expanded(_feed(client))
    assert [r[1] for r in rows] == [
        _at(date(2022, 1, 11), 10),
        _at(date(2022, 2, 8), 10),
        _at(date(2022, 3, 9), 14),  # instead of 8 March at 10:00
        _at(date(2022, 4, 12), 10),
        _at(date(2022, 5, 10), 10),
        _at(date(2022, 6, 14), 10),
    ]
    assert {r[0] for r in rows} == {calendar.uid_of(series)}  # one series, one UID
    assert rows[2][2] == "Officer Network meeting (moved)"

    changed = [e for e in _feed(client).walk("VEVENT") if "RECURRENCE-ID" in e]
    assert len(changed) == 1
    assert changed[0]["RECURRENCE-ID"].dt == _at(date(2022, 3, 8), 10)
    assert str(changed[0]["UID"]) == calendar.uid_of(series)


def test_the_series_page_leaves_out_the_changed_date_and_links_to_it(client):
    series = _series()
    moved = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 3, 8), details=_details(_at(date(2022, 3, 9), 14))
    )
    dates = calendar.occurrences_of(
        series, datetime(2022, 1, 1, tzinfo=LONDON), datetime(2022, 12, 31, tzinfo=LONDON)
    )
    assert date(2022, 3, 8) not in [o.starts_at.astimezone(LONDON).date() for o in dates]
    page = client.get(series.get_absolute_url()).content.decode()
    assert "Dates changed on their own" in page
    assert moved.get_absolute_url() in page
    own = client.get(moved.get_absolute_url()).content.decode()
    assert "has changed: it replaces the meeting of 8 March 2022" in own
    assert "Book a place" not in own  # places are booked on the series


def test_changing_the_same_date_again_changes_that_date_not_a_second_copy(client):
    series = _series()
    first = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 3, 8), details=_details(_at(date(2022, 3, 8), 14))
    )
    again = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 3, 8), details=_details(_at(date(2022, 3, 8), 15))
    )
    assert again.pk == first.pk
    assert again.sequence == 1
    assert series.changed_occurrences.count() == 1
    assert _at(date(2022, 3, 8), 15) in [r[1] for r in _expanded(_feed(client))]


def test_what_cannot_be_changed_on_its_own(officer_a):
    series = _series()
    single = EventFactory(title="A single webinar")
    with pytest.raises(EventsError):
        services.event_change_occurrence(
            event=single, by=SYSTEM, day=single.starts_at.date(), details=_details()
        )
    with pytest.raises(EventsError) as exc:  # no meeting that day
        services.event_change_occurrence(
            event=series, by=SYSTEM, day=date(2022, 3, 9), details=_details()
        )
    assert exc.value.field == "day"
    services.event_skip_occurrence(event=series, by=SYSTEM, day=date(2022, 2, 8))
    with pytest.raises(EventsError):  # a skipped date does not take place
        services.event_change_occurrence(
            event=series, by=SYSTEM, day=date(2022, 2, 8), details=_details()
        )
    with pytest.raises(EventsError):  # the end before the start
        services.event_change_occurrence(
            event=series,
            by=SYSTEM,
            day=date(2022, 3, 8),
            details=replace(_details(), ends_at=START - timedelta(hours=1)),
        )
    with pytest.raises(Refused):  # an officer who does not organise it
        services.event_change_occurrence(
            event=series, by=officer_a, day=date(2022, 3, 8), details=_details()
        )
    moved = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 3, 8), details=_details()
    )
    with pytest.raises(EventsError):  # a changed date is not a series
        services.event_change_occurrence(
            event=moved, by=SYSTEM, day=date(2022, 3, 8), details=_details()
        )
    with pytest.raises(EventsError):  # nor is it booked on its own
        services.registration_book(event=moved, by=officer_a)


def test_this_and_all_that_follow_ends_the_old_rule_and_starts_a_new_series(client):
    series = _series()
    early = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 2, 8), details=_details(_at(date(2022, 2, 8), 9))
    )
    late = services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 5, 10), details=_details(_at(date(2022, 5, 10), 9))
    )
    following = services.event_change_following(
        event=series,
        by=SYSTEM,
        from_day=date(2022, 4, 12),
        details=_details(_at(date(2022, 4, 12), 14), recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=3"),
    )
    series.refresh_from_db()
    assert "UNTIL=" in series.recurrence
    assert "COUNT" not in series.recurrence
    assert Event.objects.filter(pk=early.pk).exists()  # a change before the split stays
    assert not Event.objects.filter(pk=late.pk).exists()  # the new series replaces that date

    cal = _feed(client)
    old, new = calendar.uid_of(series), calendar.uid_of(following)
    rules = {str(e["UID"]): e["RRULE"] for e in cal.walk("VEVENT") if "RRULE" in e}
    assert rules[old]["UNTIL"][0] < _at(date(2022, 4, 12), 0)
    assert [(r[0], r[1]) for r in _expanded(cal)] == [
        (old, _at(date(2022, 1, 11), 10)),
        (old, _at(date(2022, 2, 8), 9)),
        (old, _at(date(2022, 3, 8), 10)),
        (new, _at(date(2022, 4, 12), 14)),
        (new, _at(date(2022, 5, 10), 14)),
        (new, _at(date(2022, 6, 14), 14)),
    ]


def test_a_booked_series_brings_its_changed_dates_to_the_private_feed(client, officer_a):
    series = _series()
    Registration.objects.create(
        event=series,
        user=officer_a,
        email="officer@example.org",
        status=Registration.Status.CONFIRMED,
    )
    services.event_change_occurrence(
        event=series, by=SYSTEM, day=date(2022, 3, 8), details=_details(_at(date(2022, 3, 9), 14))
    )
    feed = services.calendar_feed_reset(by=officer_a)
    response = client.get(reverse("events:private_feed", args=[feed.token]))
    rows = _expanded(icalendar.Calendar.from_ical(response.content))
    assert _at(date(2022, 3, 9), 14) in [r[1] for r in rows]
    assert _at(date(2022, 3, 8), 10) not in [r[1] for r in rows]
    assert len(rows) == 6


def test_the_change_date_pages(client, network_admin, officer_a):
    series = _series()
    url = reverse("events:change_date", args=[series.slug])
    client.force_login(network_admin)
    page = client.get(url, {"day": "2022-03-08", "scope": "one"})
    assert page.status_code == 200
    assert "Only the meeting of 08/03/2022 changes" in page.content.decode()
    assert 'value="2022-03-08"' in page.content.decode()  # the form starts on that date
    form = {
        "title": "Officer Network meeting (moved)",
        "kind": Event.Kind.OFFICER_MEETING,
        "start_date": "2022-03-09",
        "start_time": "14:00",
        "end_time": "15:00",
        "attendance": Event.Attendance.ONLINE,
    }
    done = client.post(url + "?day=2022-03-08&scope=one", form)
    moved = series.changed_occurrences.get()
    assert done.status_code == 302
    assert done["Location"] == moved.get_absolute_url()
    following = client.post(
        url + "?day=2022-05-10&scope=following",
        form | {"title": "Later", "start_date": "2022-05-10"},
    )
    assert following.status_code == 302
    assert Event.objects.get(title="Later").recurrence == series.recurrence
    # a date that is not in the series, or no scope: back to the event with a message
    assert client.get(url, {"day": "2022-03-08", "scope": "all"}).status_code == 302
    bad = client.post(url + "?day=2022-03-09&scope=one", form)
    assert bad.status_code == 200
    assert "does not take place on that date" in bad.content.decode()
    client.force_login(officer_a)
    assert client.get(url, {"day": "2022-03-08", "scope": "one"}).status_code == 403
