"""The monthly officer meeting: a recurrence rule, skipped dates, expanded by the libraries."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.guard import Refused
from coopnet.events import calendar, services
from coopnet.events.errors import EventsError
from coopnet.events.models import Event

from .factories import EventFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SYSTEM = System("test")


def _meeting(rule: str, skipped: tuple[str, ...] = ()) -> Event:
    start = datetime(2022, 1, 11, 10, 0, tzinfo=LONDON)  # a Tuesday, GMT
    details = services.EventDetails(
        title="Officer Network meeting",
        kind=Event.Kind.OFFICER_MEETING,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        organiser=None,
        attendance=Event.Attendance.ONLINE,
        recurrence=rule,
        skipped_dates=skipped,
        counts_towards_events_figure=False,
    )
    event = services.event_create(by=SYSTEM, details=details)
    return services.event_publish(event=event, by=SYSTEM)


def test_a_monthly_rule_keeps_its_wall_clock_time_across_the_clock_change():
    event = _meeting("FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
    found = calendar.occurrences_of(
        event,
        datetime(2022, 1, 1, tzinfo=LONDON),
        datetime(2022, 12, 31, tzinfo=LONDON),
    )
    assert [o.starts_at.astimezone(LONDON).date() for o in found] == [
        date(2022, 1, 11),
        date(2022, 2, 8),
        date(2022, 3, 8),
        date(2022, 4, 12),
        date(2022, 5, 10),
        date(2022, 6, 14),
    ]
    assert {o.starts_at.astimezone(LONDON).hour for o in found} == {10}  # GMT and BST
    assert event.series_ends_at == datetime(2022, 6, 14, 11, 0, tzinfo=LONDON)


def test_a_skipped_date_is_left_out_of_the_page_and_the_feed(client):
    event = _meeting("FREQ=MONTHLY;BYDAY=2TU;COUNT=4", skipped=("2022-02-08",))
    found = calendar.occurrences_of(
        event, datetime(2022, 1, 1, tzinfo=LONDON), datetime(2022, 12, 31, tzinfo=LONDON)
    )
    assert [o.starts_at.date() for o in found] == [
        date(2022, 1, 11),
        date(2022, 3, 8),
        date(2022, 4, 12),
    ]
    feed = icalendar.Calendar.from_ical(client.get("/events.ics").content)
    expanded = recurring_ical_events.of(feed).between(date(2022, 1, 1), date(2023, 1, 1))
    assert [e["DTSTART"].dt.date() for e in expanded] == [
        date(2022, 1, 11),
        date(2022, 3, 8),
        date(2022, 4, 12),
    ]
    assert feed.walk("VTIMEZONE")  # the wall-clock time travels with its time zone


def test_a_series_without_an_end_stays_upcoming():
    event = _meeting("FREQ=MONTHLY;BYDAY=2TU")
    assert event.series_ends_at is None
    now = timezone.now()
    assert Event.objects.upcoming(now).filter(pk=event.pk).exists()
    assert not Event.objects.past(now).filter(pk=event.pk).exists()


def test_a_finished_series_is_past():
    event = _meeting("FREQ=MONTHLY;COUNT=2")
    assert Event.objects.past(timezone.now()).filter(pk=event.pk).exists()


def test_a_rule_that_is_not_an_rrule_is_refused():
    with pytest.raises(EventsError) as exc:
        _meeting("EVERY SECOND TUESDAY")
    assert exc.value.field == "recurrence"


def test_the_event_page_lists_the_next_dates(client):
    start = timezone.now().astimezone(LONDON).replace(microsecond=0) + timedelta(days=1)
    event = EventFactory(
        recurrence="FREQ=WEEKLY;COUNT=3", starts_at=start, ends_at=start + timedelta(hours=1)
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Next dates" in page
    assert (start + timedelta(days=14)).strftime("%-d %B %Y") in page


def _dates(event: Event) -> list[date]:
    found = calendar.occurrences_of(
        event, datetime(2022, 1, 1, tzinfo=LONDON), datetime(2023, 12, 31, tzinfo=LONDON)
    )
    return [o.starts_at.astimezone(LONDON).date() for o in found]


def test_skipping_one_date(officer_a, org_a):
    event = _meeting("FREQ=MONTHLY;BYDAY=2TU;COUNT=3")
    event = services.event_skip_occurrence(event=event, by=SYSTEM, day=date(2022, 2, 8))
    assert _dates(event) == [date(2022, 1, 11), date(2022, 3, 8)]
    assert event.sequence == 1  # calendars take the change
    with pytest.raises(EventsError):
        services.event_skip_occurrence(event=event, by=SYSTEM, day=date(2022, 2, 9))
    with pytest.raises(Refused):
        services.event_skip_occurrence(event=event, by=officer_a, day=date(2022, 3, 8))


def test_changing_the_dates_that_follow(officer_a):
    event = _meeting("FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
    start = datetime(2022, 4, 12, 14, 0, tzinfo=LONDON)
    details = services.EventDetails(
        title="Officer Network meeting",
        kind=Event.Kind.OFFICER_MEETING,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        organiser=None,
        attendance=Event.Attendance.ONLINE,
        recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
        counts_towards_events_figure=False,
    )
    following = services.event_change_following(
        event=event, by=SYSTEM, from_day=date(2022, 4, 12), details=details
    )
    event.refresh_from_db()
    assert _dates(event) == [date(2022, 1, 11), date(2022, 2, 8), date(2022, 3, 8)]
    assert _dates(following) == [date(2022, 4, 12), date(2022, 5, 10), date(2022, 6, 14)]
    assert following.is_published
    first = calendar.occurrences_of(
        following, datetime(2022, 4, 1, tzinfo=LONDON), datetime(2022, 4, 30, tzinfo=LONDON)
    )
    assert first[0].starts_at.astimezone(LONDON).hour == 14
    with pytest.raises(EventsError):
        services.event_change_following(
            event=event, by=SYSTEM, from_day=date(2022, 1, 11), details=details
        )


def test_the_month_view_lists_each_occurrence_by_day(client):
    _meeting("FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
    EventFactory(
        title="A March conference",
        kind=Event.Kind.CONFERENCE,
        starts_at=datetime(2022, 3, 20, 9, 0, tzinfo=LONDON),
        ends_at=datetime(2022, 3, 20, 17, 0, tzinfo=LONDON),
    )
    page = client.get("/events/month/2022/3/").content.decode()
    assert "Tuesday 8 March" in page
    assert "Sunday 20 March" in page
    assert "A March conference" in page
    assert "Tuesday 12 April" not in page
    assert client.get("/events/month/2022/13/").status_code == 404
