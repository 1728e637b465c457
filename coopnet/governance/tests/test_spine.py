"""Governance on the spine: appointments follow the period rule, a refusal raised anywhere is a
403, and every write is in the audit trail under the person or the named system job that made
it (the field history too, without anyone setting `_history_user`)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import refuse
from coopnet.governance import services
from coopnet.governance.models import Appointment, Constituency, Meeting
from coopnet.governance.tests.factories import (
    SYSTEM,
    AgendaItemFactory,
    AppointmentFactory,
    BodyFactory,
    ContestFactory,
    ElectionFactory,
    MeetingFactory,
    SeatFactory,
)
from coopnet.members.tests.factories import PersonFactory

from .conftest import held_meeting, seat
from .test_demo import load_registry_and_governance

pytestmark = pytest.mark.django_db


def test_an_appointment_ending_today_is_held_today_and_not_tomorrow(db):
    today = timezone.localdate()
    ending = AppointmentFactory(start=today - timedelta(days=10), end=today)
    starting = AppointmentFactory(start=today + timedelta(days=1))
    assert list(Appointment.objects.current_on(today)) == [ending]
    assert list(Appointment.objects.current_on(today + timedelta(days=1))) == [starting]
    assert ending.is_current_on(today)
    assert not ending.is_current_on(today + timedelta(days=1))
    assert not starting.is_current_on(today)


def test_the_factories_build_each_record(db):
    body = BodyFactory()
    seat_ = SeatFactory(body=body)
    election = ElectionFactory(body=body, seats=[seat_])
    assert election.contests.get().seat == seat_
    assert ContestFactory(election=election).seat.body == body
    meeting = MeetingFactory(bodies=[body])
    assert list(meeting.bodies.all()) == [body]
    assert meeting.minutes.status == "draft"
    assert AgendaItemFactory(meeting=meeting).meeting == meeting


def test_a_staff_appointment_is_in_the_trail_of_the_person_and_the_organisation(
    eoc, org_a, network_admin
):
    person = PersonFactory()
    appointment = services.appointment_create(
        seat=seat(eoc, constituency=Constituency.FULL),
        person=person,
        organisation=org_a,
        start=date(2021, 1, 1),
        how=Appointment.How.ELECTED,
        by=network_admin,
    )
    for record in (person, org_a, eoc, appointment):
        (entry,) = audit_trail_for(record)
        assert entry.action == "appointment.created"
        assert entry.user == network_admin
    assert appointment.history.get().history_user == network_admin
    services.appointment_end(appointment=appointment, end=date(2021, 6, 30), by=network_admin)
    assert [e.action for e in audit_trail_for(person)] == [
        "appointment.ended",
        "appointment.created",
    ]
    assert appointment.history.first().history_user == network_admin


def test_an_appointment_made_by_the_system_names_the_job(eoc, org_a):
    appointment = services.appointment_create(
        seat=seat(eoc, constituency=Constituency.FULL),
        person=PersonFactory(),
        organisation=org_a,
        start=date(2021, 1, 1),
        how=Appointment.How.ELECTED,
        by=SYSTEM,
    )
    (entry,) = audit_trail_for(appointment)
    assert (entry.user, entry.system_job) == (None, "tests")


def test_by_none_is_not_the_system(eoc, org_a):
    with pytest.raises(TypeError):
        services.appointment_create(
            seat=seat(eoc, constituency=Constituency.FULL),
            person=PersonFactory(),
            organisation=org_a,
            start=date(2021, 1, 1),
            how=Appointment.How.ELECTED,
            by=None,
        )
    assert not Appointment.objects.exists()


def test_the_demo_appointments_are_attributed_to_the_demo_loader(db):
    load_registry_and_governance()
    appointment = Appointment.objects.first()
    assert appointment is not None
    (entry,) = audit_trail_for(appointment)
    assert (entry.user, entry.system_job) == (None, "load_demo")


def test_meeting_writes_are_in_the_trail_of_the_meeting(eoc, eoc_member, network_admin):
    meeting = held_meeting(eoc)
    item = services.agenda_item_add(meeting=meeting, title="Budget", by=network_admin)
    services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    services.decision_record(agenda_item=item, text="Agreed.", by=network_admin)
    actions = {(e.action, e.user_id, e.system_job) for e in audit_trail_for(meeting)}
    assert actions == {
        ("meeting.scheduled", None, "tests"),
        ("meeting.item_added", network_admin.pk, ""),
        ("meeting.attendance_recorded", None, "tests"),
        ("meeting.decision_recorded", network_admin.pk, ""),
    }
    assert item.history.get().history_user == network_admin
    assert [e.action for e in audit_trail_for(eoc_member)] == [
        "meeting.attendance_recorded",
        "appointment.created",  # the eoc_member fixture appointed them
    ]


def test_a_refusal_from_a_service_answers_403_from_a_form_page(
    client, network_admin, eoc, monkeypatch
):
    """The form pages no longer catch refusals: one raised by the service is a 403 page."""

    def refused(**kwargs):
        raise refuse("No.")

    monkeypatch.setattr(services, "meeting_save", refused)
    client.force_login(network_admin)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "title": "EOC",
            "bodies": [eoc.pk],
            "kind": Meeting.Kind.ORDINARY,
            "starts_at": "2030-01-01T10:00",
            "online": "on",
            "location": "",
        },
    )
    assert response.status_code == 403


def test_an_outsider_commenting_on_minutes_is_refused_403(client, supporter, meeting_with_minutes):
    services.minutes_circulate(meeting=meeting_with_minutes, by=SYSTEM)
    PersonFactory(user=supporter)
    client.force_login(supporter)
    response = client.post(
        reverse("governance:minutes_comment", kwargs={"pk": meeting_with_minutes.pk}),
        {"text": "Me too"},
    )
    assert response.status_code == 403
    assert not meeting_with_minutes.minutes.comments.exists()


def test_changing_a_body_in_the_back_office_is_in_the_audit_trail(client, network_admin):
    body = BodyFactory(name="Officer Group", slug="officer-group")
    client.force_login(network_admin)
    response = client.post(
        reverse("admin:governance_body_change", args=[body.pk]),
        {
            "name": "Officer Group",
            "short_name": "OG",
            "slug": "officer-group",
            "purpose": "",
            "quorum": "4",
            "term_years": "2",
            "order": "0",
            "seats-TOTAL_FORMS": "0",
            "seats-INITIAL_FORMS": "0",
            "seats-MIN_NUM_FORMS": "0",
            "seats-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    (entry,) = audit_trail_for(body)
    assert entry.action == "body.changed"
    assert entry.user == network_admin
    assert "quorum" in entry.summary
