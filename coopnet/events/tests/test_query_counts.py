"""The events list, an event page and /events.ics cost the same SQL queries for a few events as
for many (repeating ones, dates changed on their own and registrations included), whether the
page is worked out or remembered (anonymous visitors get the page cache)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.models import Principle
from coopnet.events import services
from coopnet.events.models import Event

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SIZES = [3, 60]


def _events(n: int, org) -> Event:
    """n events, one in three repeating, with a date of the first series changed on its own."""
    principle = Principle.objects.get(slug="co-production")
    start = timezone.now().astimezone(LONDON).replace(microsecond=0) + timedelta(days=3)
    series: Event | None = None
    for i in range(n):
        event = EventFactory.create(
            organiser=org,
            principles=[principle],
            starts_at=start + timedelta(days=i),
            ends_at=start + timedelta(days=i, hours=1),
            recurrence="FREQ=WEEKLY;COUNT=5" if i % 3 == 0 else "",
        )
        series = series or event
    assert series is not None
    day = (series.starts_at + timedelta(days=7)).astimezone(LONDON).date()
    moved = datetime.combine(day, datetime.min.time(), LONDON) + timedelta(hours=15)
    details = services.EventDetails(
        title=series.title,
        kind=series.kind,
        starts_at=moved,
        ends_at=moved + timedelta(hours=1),
        organiser=org,
        attendance=series.attendance,
    )
    services.event_change_occurrence(event=series, by=System("test"), day=day, details=details)
    for _ in range(n):
        RegistrationFactory(event=series)
    return series


def _uncached_then_remembered(client, url, django_assert_num_queries, uncached: int):
    client.get(url)  # warm the per-process caches
    cache.clear()
    caches["local"].clear()  # remembered pages live in each process's own cache
    with django_assert_num_queries(uncached):
        first = client.get(url)
    with django_assert_num_queries(1):  # the content version; the page comes from the cache
        again = client.get(url)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    return first


@pytest.mark.parametrize("n", SIZES)
def test_the_upcoming_list(client, org_a, n, django_assert_num_queries):
    _events(n, org_a)
    _uncached_then_remembered(client, reverse("events:upcoming"), django_assert_num_queries, 7)


@pytest.mark.parametrize("n", SIZES)
def test_the_feed(client, org_a, n, django_assert_num_queries):
    series = _events(n, org_a)
    response = _uncached_then_remembered(client, "/events.ics", django_assert_num_queries, 2)
    cal = icalendar.Calendar.from_ical(response.content)
    assert len(cal.walk("VEVENT")) == n + 1  # every event, and the changed date
    assert series.changed_occurrences.count() == 1


@pytest.mark.parametrize("n", SIZES)
def test_an_event_page_for_a_visitor(client, org_a, n, django_assert_num_queries):
    """The page of a repeating event with n registrations and a changed date. The page is not
    remembered (the places left change with every booking); the event and its details are,
    until public content next changes: the version and the place counts are read."""
    url = _events(n, org_a).get_absolute_url()
    client.get(url)
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200


def test_an_event_page_for_staff_costs_the_same_for_3_or_60_registrations(
    client, org_a, network_admin
):
    """Staff see the registrations too: the same queries for 3 as for 60 (and more dates)."""
    series = _events(3, org_a)
    client.force_login(network_admin)
    url = series.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _events(57, org_a)
    for _ in range(57):
        RegistrationFactory(event=series)
    client.get(url)  # new events moved the public version on: the event is read again once
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert page.status_code == 200
    assert "60 confirmed places" in page.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries) <= 20


def test_a_booking_shows_in_the_places_at_once(client, org_a, network_admin):
    """The event is remembered; its place counts are not."""
    series = _events(3, org_a)
    client.force_login(network_admin)
    url = series.get_absolute_url()
    assert "3 confirmed places" in client.get(url).content.decode()
    RegistrationFactory(event=series)
    assert "4 confirmed places" in client.get(url).content.decode()


def test_a_change_to_an_event_is_seen_at_once_despite_the_cache(client, org_a):
    event = EventFactory(organiser=org_a, title="Before")
    assert "Before" in client.get(reverse("events:upcoming")).content.decode()
    event.title = "After"
    event.save()
    assert "After" in client.get(reverse("events:upcoming")).content.decode()
    assert "After" in client.get("/events.ics").content.decode()


def test_what_the_event_page_names_shows_a_change_at_once(client, org_a):
    """The remembered event: its organiser's and its group's new names show at once."""
    from coopnet.engagement.tests.factories import GroupFactory

    group = GroupFactory(name="Food network")
    event = EventFactory(organiser=org_a, group=group)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Food network" in page
    assert org_a.name in page
    group.name = "Food and growing network"
    group.save()
    org_a.name = "Renamed Council"
    org_a.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Food and growing network" in page
    assert "Renamed Council" in page
