"""The events pages as people use them: lists and filters, the event page, booking, the feed."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.events.models import CalendarFeed, Event, Registration
from coopnet.members.tests.factories import UserFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_upcoming_and_past_lists(client):
    EventFactory(title="Next month's webinar")
    EventFactory(
        title="Last year's fringe",
        starts_at=timezone.now() - timedelta(days=300),
        ends_at=timezone.now() - timedelta(days=300) + timedelta(hours=2),
    )
    EventFactory(title="A draft nobody sees", status=Event.Status.DRAFT)
    upcoming = client.get(reverse("events:upcoming")).content.decode()
    past = client.get(reverse("events:past")).content.decode()
    assert "Next month&#x27;s webinar" in upcoming
    assert "Last year" not in upcoming
    assert "Last year&#x27;s fringe" in past
    assert "Next month" not in past
    assert "A draft nobody sees" not in upcoming + past


def test_filters_live_in_the_address(client, org_a, org_b):
    principle = Principle.objects.get(slug="co-production")
    EventFactory(title="Oldham webinar", organiser=org_a, principles=[principle])
    EventFactory(
        title="Kirklees exhibition",
        organiser=org_b,
        kind=Event.Kind.EXHIBITION,
        attendance=Event.Attendance.IN_PERSON,
        venue="Town Hall",
    )
    url = reverse("events:upcoming")

    def titles(query: str) -> set[str]:
        page = client.get(url + query).content.decode()
        return {t for t in ("Oldham webinar", "Kirklees exhibition") if t in page}

    assert titles("") == {"Oldham webinar", "Kirklees exhibition"}
    assert titles("?kind=exhibition") == {"Kirklees exhibition"}
    assert titles(f"?organiser={org_a.slug}") == {"Oldham webinar"}
    assert titles("?attendance=online") == {"Oldham webinar"}
    assert titles("?attendance=in_person") == {"Kirklees exhibition"}
    assert titles("?principle=co-production") == {"Oldham webinar"}
    far = (timezone.localdate() + timedelta(days=100)).isoformat()
    assert titles(f"?start={far}") == set()
    soon = (timezone.localdate() + timedelta(days=20)).isoformat()
    assert titles(f"?end={soon}") == {"Oldham webinar", "Kirklees exhibition"}


def test_the_event_page_has_schema_org_json_ld(client, org_a):
    event = EventFactory(
        title="Co-operative Congress fringe",
        organiser=org_a,
        attendance=Event.Attendance.HYBRID,
        venue="Congress Centre",
        address="Manchester",
        capacity=40,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    data = _json_ld(page)
    assert data["@type"] == "Event"
    assert data["name"] == "Co-operative Congress fringe"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["organizer"]["name"] == org_a.name
    assert data["startDate"] == event.starts_at.isoformat()
    assert {loc["@type"] for loc in data["location"]} == {"Place", "VirtualLocation"}
    # The joining link is for people with a place only.
    assert "secret-room" not in page


def test_the_joining_link_is_shown_to_people_with_a_place(client, supporter):
    event = EventFactory()
    client.force_login(supporter)
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    client.post(reverse("events:book", args=[event.slug]))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You have a place" in page
    assert "secret-room" in page


def test_a_draft_is_not_found_except_by_its_organisers_and_staff(
    client, officer_a, officer_b, network_admin, org_a
):
    draft = EventFactory(organiser=org_a, status=Event.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(officer_b)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(officer_a)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.force_login(network_admin)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_booking_the_last_place_then_the_wait_list_from_the_page(client, mailoutbox):
    event = EventFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    response = client.post(reverse("events:book", args=[event.slug]), follow=True)
    assert "Your place is booked" in response.content.decode()
    client.force_login(second)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Join the wait list" in page
    response = client.post(reverse("events:book", args=[event.slug]), follow=True)
    assert "number 1 on the wait list" in response.content.decode()
    # Booking twice is refused with a message, not a second registration.
    response = client.post(reverse("events:book", args=[event.slug]), follow=True)
    assert "already registered" in response.content.decode()
    assert event.registrations.count() == 2


def test_cancelling_from_the_email_link_promotes_the_wait_list(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    place = RegistrationFactory(event=event, user=UserFactory(), email="a@example.org")
    waiting = RegistrationFactory(
        event=event,
        user=UserFactory(),
        email="b@example.org",
        status=Registration.Status.WAITLISTED,
        position=1,
    )
    url = reverse("events:cancel_by_token", args=[place.token])
    page = client.get(url)  # a mail scanner following the link cancels nothing
    assert page.status_code == 200
    assert "Cancel my registration" in page.content.decode()
    place.refresh_from_db()
    assert place.status == Registration.Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    place.refresh_from_db()
    waiting.refresh_from_db()
    assert place.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    assert {m.to[0] for m in mailoutbox} == {"a@example.org", "b@example.org"}


def test_public_registration_by_email(client, mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(public_registration=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", args=[event.slug]),
            {"name": "Ada", "email": "ada@example.org"},
        )
    assert "Check your email" in response.content.decode()
    registration = event.registrations.get()
    assert registration.status == Registration.Status.PENDING
    confirm = reverse("events:confirm_email", args=[registration.token])
    assert confirm in mailoutbox[0].body
    client.post(confirm)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_public_registration_refused_for_a_members_only_event(client):
    event = EventFactory(public_registration=False)
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Ada", "email": "ada@example.org"},
    )
    assert response.status_code == 403
    assert not event.registrations.exists()


def test_an_officer_submits_and_staff_publish_through_the_pages(
    client, officer_a, network_admin, org_a
):
    client.force_login(officer_a)
    day = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        reverse("events:submit"),
        {
            "title": "Co-operative placemaking workshop",
            "kind": "workshop",
            "organiser": org_a.pk,
            "start_date": day,
            "start_time": "10:00",
            "end_time": "12:00",
            "attendance": "in_person",
            "venue": "Oldham Civic Centre",
            "description": "<p>Bring ideas</p>",
        },
    )
    event = Event.objects.get(title="Co-operative placemaking workshop")
    assert response.status_code == 302
    assert event.status == Event.Status.DRAFT
    assert timezone.localtime(event.starts_at).hour == 10
    client.post(reverse("events:send_for_review", args=[event.slug]))
    client.force_login(network_admin)
    queue = client.get(reverse("events:moderation")).content.decode()
    assert "Co-operative placemaking workshop" in queue
    client.post(reverse("events:moderate", args=[event.slug]), {"decision": "publish"})
    event.refresh_from_db()
    assert event.is_published
    assert (
        "Co-operative placemaking workshop"
        in client.get(reverse("events:upcoming")).content.decode()
    )


def test_returning_without_a_comment_shows_the_error_on_the_form(client, network_admin, org_a):
    event = EventFactory(organiser=org_a, status=Event.Status.SUBMITTED)
    client.force_login(network_admin)
    response = client.post(reverse("events:moderate", args=[event.slug]), {"decision": "return"})
    assert response.status_code == 200
    assert "Say what the organiser should change" in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


def test_the_public_feed_is_valid_icalendar(client, org_a):
    EventFactory(title="Monthly officer meeting", recurrence="FREQ=MONTHLY;BYDAY=2TU;COUNT=12")
    EventFactory(title="A draft", status=Event.Status.DRAFT)
    response = client.get("/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    summaries = {str(e["summary"]) for e in cal.walk("VEVENT")}
    assert summaries == {"Monthly officer meeting"}
    assert "secret-room" not in response.content.decode()


def test_welsh_event_pages(client):
    event = EventFactory()
    client.cookies["django_language"] = "cy"
    page = client.get(reverse("events:upcoming"), HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert "Digwyddiadau i ddod" in page
    assert client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cy").status_code == 200


def test_the_api_lists_published_events_with_filters_and_never_the_joining_link(client, org_a):
    EventFactory(title="Online one", organiser=org_a)
    EventFactory(title="In person", attendance=Event.Attendance.IN_PERSON, venue="Hall")
    EventFactory(title="Draft", status=Event.Status.DRAFT)
    data = client.get("/api/v1/events/").json()
    assert {e["title"] for e in data["results"]} == {"Online one", "In person"}
    assert "secret-room" not in json.dumps(data)
    online = client.get("/api/v1/events/?attendance=online").json()
    assert [e["title"] for e in online["results"]] == ["Online one"]
    mine = client.get(f"/api/v1/events/?organiser={org_a.slug}").json()
    assert [e["organiser"] for e in mine["results"]] == [org_a.slug]


def test_the_api_lists_ones_own_places_only(client, supporter):
    event = EventFactory()
    RegistrationFactory(event=event, user=supporter, email=supporter.email)
    RegistrationFactory(event=event, user=UserFactory())
    assert client.get("/api/v1/my/event-registrations/").status_code == 403
    client.force_login(supporter)
    data = client.get("/api/v1/my/event-registrations/").json()
    assert [r["event"] for r in data["results"]] == [event.slug]


def test_published_events_are_in_the_site_search(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(title="Community wealth building summit")
        EventFactory(title="Community wealth building draft", status=Event.Status.DRAFT)
    page = client.get(reverse("core:search"), {"q": "community wealth"}).content.decode()
    assert "building summit" in page  # the words searched for are highlighted
    assert "building draft" not in page
    assert "Events (1)" in " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_private_feed_lists_ones_places_and_its_address_can_be_replaced(client, supporter):
    booked = EventFactory(title="Booked webinar")
    EventFactory(title="Not booked")
    RegistrationFactory(event=booked, user=supporter, email=supporter.email)
    client.force_login(supporter)
    client.post(reverse("events:my_calendar"))
    feed = CalendarFeed.objects.get(user=supporter)
    old = reverse("events:private_feed", args=[feed.token])
    page = client.get(reverse("events:my_calendar")).content.decode()
    assert old in page
    client.logout()
    cal = icalendar.Calendar.from_ical(client.get(old).content)
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "Booked webinar"
    assert "secret-room" in str(vevent["description"])  # their own place: the link is theirs
    client.force_login(supporter)
    client.post(reverse("events:my_calendar"))
    client.logout()
    assert client.get(old).status_code == 404


def test_the_attendee_list_names_only_people_who_agreed(client, officer_a, org_a):
    event = EventFactory(organiser=org_a)
    RegistrationFactory(
        event=event, name="Ada Shares", email="ada@example.org", shares_details=True
    )
    RegistrationFactory(event=event, name="Bo Private", email="=cmd@example.org")
    client.force_login(officer_a)
    response = client.get(reverse("events:attendees_csv", args=[event.slug]))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Ada Shares" in text
    assert "ada@example.org" in text
    assert "Bo Private" not in text
    assert "cmd@example.org" not in text
    assert text.count("\r\n") == 3  # the header and two rows


def test_booking_with_consent_to_share_details(client, supporter):
    event = EventFactory()
    client.force_login(supporter)
    client.post(reverse("events:book", args=[event.slug]), {"shares_details": "on"})
    assert event.registrations.get().shares_details


def test_the_region_filter(client, org_a, org_b):
    EventFactory(title="Oldham event", organiser=org_a)
    EventFactory(title="Kirklees event", organiser=org_b)
    region = org_a.region
    assert (region and region != org_b.region) or region == org_b.region
    page = client.get(reverse("events:upcoming"), {"region": region}).content.decode()
    assert "Oldham event" in page
    if org_b.region != region:
        assert "Kirklees event" not in page


def test_the_attendance_sheet(client, officer_a, org_a):
    event = EventFactory(organiser=org_a, starts_at=timezone.now() - timedelta(hours=1))
    came = RegistrationFactory(event=event, name="Ada", shares_details=True)
    absent = RegistrationFactory(event=event, name="Bo Private")
    client.force_login(officer_a)
    page = client.get(reverse("events:attendance", args=[event.slug])).content.decode()
    assert "Ada" in page
    assert "Bo Private" not in page  # did not agree to share their details
    client.post(reverse("events:attendance", args=[event.slug]), {"attended": [came.pk]})
    came.refresh_from_db()
    absent.refresh_from_db()
    assert came.attended is True
    assert absent.attended is False


def test_the_organiser_skips_a_date_from_the_page(client, officer_a, org_a):
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    event = EventFactory(
        organiser=org_a,
        recurrence="FREQ=WEEKLY;COUNT=3",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    client.force_login(officer_a)
    day = timezone.localtime(start + timedelta(days=7)).date()
    response = client.post(reverse("events:skip_date", args=[event.slug]), {"day": day})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.skipped_dates == [day.isoformat()]
