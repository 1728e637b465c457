"""A meeting's attendance is recorded in one form, everyone at once, with history."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from coopnet.governance.models import Attendance, Constituency
from coopnet.members.tests.factories import PersonFactory

from .conftest import appoint, held_meeting, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_member(eoc, org_b):
    person = PersonFactory(full_name="Aneurin Bevan")
    appoint(
        seat(eoc, constituency=Constituency.FULL), org_b, person=person, start=date(2020, 12, 1)
    )
    return person


def test_everyone_is_recorded_in_one_post(client, network_admin, eoc, eoc_member, second_member):
    meeting = held_meeting(eoc)
    url = reverse("governance:attendance", args=[meeting.pk])
    client.force_login(network_admin)
    page = client.get(url).text
    assert f'name="status_{eoc_member.pk}"' in page
    assert f'name="status_{second_member.pk}"' in page
    response = client.post(
        url,
        {f"status_{eoc_member.pk}": "present", f"status_{second_member.pk}": "apologies"},
        follow=True,
    )
    assert "Attendance has been recorded: 2 changes." in response.text
    recorded = dict(
        Attendance.objects.filter(meeting=meeting).values_list("person__full_name", "status")
    )
    assert recorded == {eoc_member.full_name: "present", "Aneurin Bevan": "apologies"}
    assert "Quorate" in response.text or "Not quorate" in response.text


def test_a_change_keeps_the_earlier_record_in_history(
    client, network_admin, eoc, eoc_member, second_member
):
    meeting = held_meeting(eoc)
    url = reverse("governance:attendance", args=[meeting.pk])
    client.force_login(network_admin)
    client.post(url, {f"status_{eoc_member.pk}": "present"})
    page = client.get(url).text
    assert re.search(rf'name="status_{eoc_member.pk}" value="present"[^>]*checked', page)
    client.post(url, {f"status_{eoc_member.pk}": "absent", f"status_{second_member.pk}": "present"})
    attendance = Attendance.objects.get(meeting=meeting, person=eoc_member)
    assert attendance.status == "absent"
    assert [h.status for h in attendance.history.order_by("history_date")] == ["present", "absent"]


def test_a_meeting_not_yet_held_records_no_one_present(client, network_admin, eoc, eoc_member):
    meeting = held_meeting(eoc, days_ago=-3)
    url = reverse("governance:attendance", args=[meeting.pk])
    client.force_login(network_admin)
    response = client.post(url, {f"status_{eoc_member.pk}": "present"})
    assert response.status_code == 200
    assert "once the meeting has been held" in response.text
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_an_empty_form_says_what_to_do(client, network_admin, eoc, eoc_member):
    meeting = held_meeting(eoc)
    client.force_login(network_admin)
    response = client.post(reverse("governance:attendance", args=[meeting.pk]), {})
    assert "Choose the attendance of at least one person." in response.text


def test_only_staff_record_attendance(client, board_member, eoc, eoc_member):
    meeting = held_meeting(eoc)
    client.force_login(board_member)
    url = reverse("governance:attendance", args=[meeting.pk])
    assert client.post(url, {f"status_{eoc_member.pk}": "present"}).status_code == 403
    assert not Attendance.objects.filter(meeting=meeting).exists()
