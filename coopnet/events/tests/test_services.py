"""Events and places: moderation, booking, the wait list, cancelling, public sign-up."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused
from coopnet.core.models import Principle
from coopnet.events import services
from coopnet.events.errors import EventsError
from coopnet.events.models import Event, Registration
from coopnet.members.tests.factories import UserFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _details(org, **overrides) -> services.EventDetails:
    start = timezone.now() + timedelta(days=10)
    values = {
        "title": "Community wealth building webinar",
        "kind": Event.Kind.WEBINAR,
        "starts_at": start,
        "ends_at": start + timedelta(hours=1),
        "organiser": org,
        "attendance": Event.Attendance.ONLINE,
        "description": "<p>Hello</p><script>alert(1)</script>",
        "joining_link": "https://meet.example.org/room",
    }
    return services.EventDetails(**{**values, **overrides})


def run(service, **kwargs):
    """Call a service as a request would: its emails go once its transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return service(**kwargs)


def _ics(message) -> icalendar.Calendar:
    (attachment,) = message.attachments
    return icalendar.Calendar.from_ical(attachment[1])


# Moderation ---------------------------------------------------------------------------------


def test_an_officer_submits_an_event_and_staff_publish_it(officer_a, org_a, network_admin):
    principle = Principle.objects.get(slug="co-production")
    event = services.event_create(by=officer_a, details=_details(org_a), principles=[principle])
    assert event.status == Event.Status.DRAFT
    assert event.description_html == '<p class="govuk-body">Hello</p>'  # the script is gone
    assert list(event.principles.all()) == [principle]
    services.event_submit(event=event, by=officer_a)
    services.event_publish(event=event, by=network_admin)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event.published_at
    actions = [e.action for e in audit_trail_for(event)]
    assert actions == ["event.published", "event.submitted", "event.created"]
    assert event.history.first().history_user == network_admin


def test_an_officer_cannot_submit_for_an_organisation_they_do_not_manage(officer_a, org_b):
    with pytest.raises(EventsError) as exc:
        services.event_create(by=officer_a, details=_details(org_b))
    assert exc.value.field == "organiser"
    assert not Event.objects.exists()


def test_a_person_managing_no_organisation_may_not_submit(supporter, org_a):
    with pytest.raises(Refused):
        services.event_create(by=supporter, details=_details(org_a))


def test_an_officer_may_not_publish_or_edit_another_organisations_event(
    officer_a, officer_b, org_a
):
    event = services.event_create(by=officer_a, details=_details(org_a))
    services.event_submit(event=event, by=officer_a)
    with pytest.raises(Refused):
        services.event_publish(event=event, by=officer_a)
    with pytest.raises(Refused):
        services.event_update(event=event, by=officer_b, details=_details(org_a, title="Mine"))


def test_staff_return_with_a_comment_and_the_organiser_resubmits(officer_a, org_a, network_admin):
    event = services.event_create(by=officer_a, details=_details(org_a))
    services.event_submit(event=event, by=officer_a)
    with pytest.raises(EventsError):
        services.event_return(event=event, by=network_admin, comment=" ")
    services.event_return(event=event, by=network_admin, comment="Add the venue's address")
    event.refresh_from_db()
    assert event.status == Event.Status.RETURNED
    assert event.moderation_comment == "Add the venue's address"
    services.event_update(event=event, by=officer_a, details=_details(org_a, title="Better"))
    services.event_submit(event=event, by=officer_a)
    assert Event.objects.get(pk=event.pk).status == Event.Status.SUBMITTED


def test_a_rejected_event_cannot_be_changed_by_its_organiser(officer_a, org_a, network_admin):
    event = services.event_create(by=officer_a, details=_details(org_a))
    services.event_submit(event=event, by=officer_a)
    services.event_reject(event=event, by=network_admin, comment="Not a network event")
    with pytest.raises(EventsError):
        services.event_update(event=event, by=officer_a, details=_details(org_a))


def test_bad_times_and_missing_venue_are_refused(officer_a, org_a):
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(EventsError) as exc:
        services.event_create(
            by=officer_a, details=_details(org_a, starts_at=start, ends_at=start - timedelta(1))
        )
    assert exc.value.field == "ends_at"
    with pytest.raises(EventsError) as exc:
        services.event_create(
            by=officer_a, details=_details(org_a, attendance=Event.Attendance.IN_PERSON)
        )
    assert exc.value.field == "venue"


def test_an_image_without_alt_text_is_refused(officer_a, org_a):
    with pytest.raises(EventsError):
        services.event_create(
            by=officer_a, details=_details(org_a, description='<img src="https://x.org/a.png">')
        )


# Booking ------------------------------------------------------------------------------------


def test_one_click_booking_confirms_and_sends_an_invitation(supporter):
    event = EventFactory(capacity=10)
    registration = run(services.registration_book, event=event, by=supporter)
    assert registration.status == Status.CONFIRMED
    (message,) = mail.outbox
    assert message.to == [supporter.email]
    cal = _ics(message)
    assert cal["method"] == "REQUEST"
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert "meet.example.org/secret-room" in str(vevent["description"])
    assert f"/events/places/{registration.token}/cancel/" in message.body
    assert [e.action for e in audit_trail_for(registration)] == ["registration.confirmed"]


def test_nobody_books_twice(supporter):
    event = EventFactory()
    run(services.registration_book, event=event, by=supporter)
    with pytest.raises(EventsError):
        run(services.registration_book, event=event, by=supporter)
    assert event.registrations.count() == 1


def test_the_database_refuses_a_second_live_registration(supporter):
    event = EventFactory()
    RegistrationFactory(event=event, user=supporter, email=supporter.email)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, user=supporter, email="other@example.org")


def test_a_full_event_puts_people_on_the_wait_list_in_order():
    event = EventFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    assert run(services.registration_book, event=event, by=first).status == Status.CONFIRMED
    waiting = run(services.registration_book, event=event, by=second)
    later = run(services.registration_book, event=event, by=third)
    assert (waiting.status, waiting.position) == (Status.WAITLISTED, 1)
    assert (later.status, later.position) == (Status.WAITLISTED, 2)
    assert not mail.outbox[1].attachments  # no invitation without a place
    assert "number 1 on the wait list" in mail.outbox[1].body


def test_cancelling_promotes_the_first_on_the_wait_list_and_tells_them():
    event = EventFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    place = run(services.registration_book, event=event, by=first)
    waiting = run(services.registration_book, event=event, by=second)
    run(services.registration_book, event=event, by=third)
    mail.outbox.clear()

    run(services.registration_cancel, registration=place, by=first)

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert waiting.position is None
    assert event.registrations.get(user=third).status == Status.WAITLISTED
    by_person = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 2
    cancelled, promoted = by_person[first.email], by_person[second.email]
    assert cancelled.to == [first.email]
    assert _ics(cancelled)["method"] == "CANCEL"
    assert promoted.to == [second.email]
    assert _ics(promoted)["method"] == "REQUEST"
    assert "A place" in promoted.subject


def test_cancel_by_the_email_link_without_signing_in():
    event = EventFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    place = run(services.registration_book, event=event, by=first)
    run(services.registration_book, event=event, by=second)
    run(services.registration_cancel_by_token, token=place.token)
    assert event.registrations.get(user=second).status == Status.CONFIRMED
    with pytest.raises(EventsError):
        run(services.registration_cancel_by_token, token=place.token)
    with pytest.raises(EventsError):
        run(services.registration_cancel_by_token, token="not-a-token")


def test_a_person_may_not_cancel_someone_elses_place(supporter, officer_a):
    event = EventFactory()
    place = run(services.registration_book, event=event, by=supporter)
    with pytest.raises(Refused):
        run(services.registration_cancel, registration=place, by=officer_a)


def test_booking_is_refused_when_registration_is_closed_or_the_event_unpublished(supporter):
    closed = EventFactory(registration_open=False)
    with pytest.raises(EventsError):
        run(services.registration_book, event=closed, by=supporter)
    past_closing = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(EventsError):
        run(services.registration_book, event=past_closing, by=supporter)
    draft = EventFactory(status=Event.Status.DRAFT)
    with pytest.raises(Refused):
        run(services.registration_book, event=draft, by=supporter)


def test_rebooking_after_cancelling_is_allowed(supporter):
    event = EventFactory()
    place = run(services.registration_book, event=event, by=supporter)
    run(services.registration_cancel, registration=place, by=supporter)
    again = run(services.registration_book, event=event, by=supporter)
    assert again.status == Status.CONFIRMED


# Public sign-up -----------------------------------------------------------------------------


def test_public_sign_up_holds_nothing_until_the_link_is_followed():
    event = EventFactory(public_registration=True, capacity=1)
    pending = run(services.registration_request, event=event, name="Ada", email="Ada@Example.org")
    assert pending.status == Status.PENDING
    assert pending.email == "ada@example.org"
    (message,) = mail.outbox
    assert f"/events/places/{pending.token}/confirm/" in message.body
    assert not message.attachments
    # Asking again sends the link again rather than a second registration.
    assert (
        run(services.registration_request, event=event, name="Ada", email="ada@example.org")
        == pending
    )
    assert event.registrations.count() == 1

    confirmed = run(services.registration_confirm_email, token=pending.token)
    assert confirmed.status == Status.CONFIRMED
    assert _ics(mail.outbox[-1])["method"] == "REQUEST"
    # Following the link again changes nothing.
    assert run(services.registration_confirm_email, token=pending.token).status == Status.CONFIRMED


def test_public_sign_up_is_refused_for_members_only_events():
    event = EventFactory(public_registration=False)
    with pytest.raises(Refused):
        run(services.registration_request, event=event, name="Ada", email="ada@example.org")


def test_the_system_may_act(org_a):
    event = services.event_create(by=System("load_demo"), details=_details(org_a))
    services.event_publish(event=event, by=System("load_demo"))
    assert Event.objects.get(pk=event.pk).is_published


# Reminders and attendance -------------------------------------------------------------------


def test_reminders_go_once_to_confirmed_places_on_events_starting_soon():
    from django.core.management import call_command

    soon = EventFactory(starts_at=timezone.now() + timedelta(hours=3))
    later = EventFactory(starts_at=timezone.now() + timedelta(days=5))
    RegistrationFactory(event=soon, email="come@example.org")
    RegistrationFactory(event=soon, status=Status.WAITLISTED, position=1)
    RegistrationFactory(event=later, email="later@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_event_reminders", "--hours", "24")
    (reminder,) = mail.outbox
    assert reminder.to == ["come@example.org"]
    assert _ics(reminder)["method"] == "REQUEST"
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_event_reminders", "--hours", "24")
    assert len(mail.outbox) == 1  # each place is reminded once


def test_the_organiser_marks_attendance_after_the_event_starts(officer_a, officer_b, org_a):
    event = EventFactory(organiser=org_a, starts_at=timezone.now() - timedelta(hours=1))
    place = RegistrationFactory(event=event)
    services.registration_mark_attendance(registration=place, by=officer_a, attended=True)
    place.refresh_from_db()
    assert place.attended is True
    with pytest.raises(Refused):
        services.registration_mark_attendance(registration=place, by=officer_b, attended=False)
    upcoming = EventFactory(organiser=org_a)
    early = RegistrationFactory(event=upcoming)
    with pytest.raises(EventsError):
        services.registration_mark_attendance(registration=early, by=officer_a, attended=True)
