"""An event end to end in Chromium, with axe-core on every page: an officer submits it, staff
publish it, one person books the only place, another is wait-listed and is promoted when the
first cancels from the link in their email; the calendar feed parses."""

from __future__ import annotations

import re
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD
from coopnet.events.models import Event, Registration

from .factories import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), (10, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def sign_in_as(bp, user):
    bp.page.context.clear_cookies()
    return bp.sign_in(user.email, PASSWORD)


def test_submit_publish_book_wait_list_and_promotion(
    browser_page, officer_a, network_admin, supporter, board_member, org_a
):
    bp = browser_page
    page = bp.page
    day = timezone.localdate() + timedelta(days=10)

    sign_in_as(bp, officer_a)
    bp.visit("/events/add/")
    page.get_by_label("Title").fill("Community wealth building workshop")
    page.get_by_label("Type").select_option("workshop")
    page.get_by_label("Date", exact=True).fill(day.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_label("Online", exact=True).check()
    page.get_by_label("Joining link").fill("https://meet.example.org/cwb")
    page.get_by_label("Places").fill("1")
    page.get_by_label("Take registrations").check()
    bp.submit("Save")
    assert "saved as a draft" in page.content()
    bp.submit("Send for review")
    event = Event.objects.get(title="Community wealth building workshop")
    assert event.status == Event.Status.SUBMITTED

    sign_in_as(bp, network_admin)
    bp.visit("/events/moderation/")
    assert "Community wealth building workshop" in page.content()
    bp.visit(f"/events/{event.slug}/review/")
    page.get_by_label("Publish", exact=True).check()
    bp.submit("Record the decision")

    sign_in_as(bp, supporter)
    bp.visit(f"/events/{event.slug}/")
    bp.submit("Book a place")
    assert "Your place is booked" in page.content()
    assert "meet.example.org/cwb" in page.content()

    sign_in_as(bp, board_member)
    bp.visit(f"/events/{event.slug}/")
    bp.submit("Join the wait list")
    assert "number 1 on the wait list" in page.content()

    (confirmation,) = [m for m in mail.outbox if m.to == [supporter.email]]
    cancel = re.search(r"https?://\S+/events/places/\S+/cancel/", confirmation.body)
    assert cancel
    page.context.clear_cookies()
    bp.visit(re.sub(r"^https?://[^/]+", "", cancel.group(0)))
    bp.submit("Cancel my registration")

    promoted = event.registrations.get(user=board_member)
    assert promoted.status == Registration.Status.CONFIRMED
    assert any(m.to == [board_member.email] and "come free" in m.subject for m in mail.outbox)
    feed = icalendar.Calendar.from_ical(Client().get("/events.ics").content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == [
        "Community wealth building workshop"
    ]
    # the promoted person's own feed, with the joining link now theirs
    sign_in_as(bp, board_member)
    bp.visit("/events/my-calendar/")
    bp.submit("Make my calendar address")
    token = re.search(r"/events/calendar/([^/.]+)\.ics", page.locator("code").first.inner_text())
    assert token
    own = icalendar.Calendar.from_ical(
        Client().get(f"/events/calendar/{token.group(1)}.ics").content
    )
    (booked,) = own.walk("VEVENT")
    assert str(booked["summary"]) == "Community wealth building workshop"
    assert "meet.example.org/cwb" in str(booked["description"])


def test_the_other_events_pages_pass_axe(browser_page, officer_a, supporter, org_a):
    bp = browser_page
    upcoming = EventFactory(
        title="Officer Network meeting",
        organiser=org_a,
        recurrence="FREQ=MONTHLY;COUNT=3",
        public_registration=True,
        speakers="Cllr A\nCllr B",
    )
    past = EventFactory(
        title="Past fringe",
        organiser=org_a,
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=1),
    )
    RegistrationFactory(event=past, name="Ada", shares_details=True)
    pictured = EventFactory(
        title="Fringe with a picture",
        organiser=org_a,
        image=SimpleUploadedFile("fringe.png", _png(), content_type="image/png"),
        image_alt="Members at the fringe stall",
    )
    pending = RegistrationFactory(event=upcoming, status=Registration.Status.PENDING)

    bp.visit("/events/?kind=webinar&attendance=online")
    bp.visit("/events/past/")
    bp.visit("/events/figures/")
    bp.visit("/events/month/")
    bp.visit(f"/events/{upcoming.slug}/")  # signed out: the public sign-up form
    bp.page.get_by_label("Your name").fill("Ada")
    bp.submit("Register")  # no email address: the form with its error
    bp.visit(f"/events/places/{pending.token}/confirm/")

    sign_in_as(bp, officer_a)
    bp.visit("/events/mine/")
    bp.visit(f"/events/{upcoming.slug}/")  # the organiser's view, with "skip a date"
    bp.visit(f"/events/{upcoming.slug}/edit/")
    first = timezone.localtime(upcoming.starts_at).date().isoformat()
    bp.visit(f"/events/{upcoming.slug}/change-date/?day={first}&scope=one")
    bp.visit(f"/events/{upcoming.slug}/change-date/?day={first}&scope=following")
    bp.visit(f"/events/{pictured.slug}/")
    assert bp.page.get_by_alt_text("Members at the fringe stall").count() == 1
    bp.visit(f"/events/{past.slug}/attendance/")

    sign_in_as(bp, supporter)
    bp.visit("/events/my-calendar/")
    bp.submit("Make my calendar address")
