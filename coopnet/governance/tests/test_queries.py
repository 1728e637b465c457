"""Pages cost the same number of queries with few rows and with many."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from coopnet.governance import services
from coopnet.governance.tests.factories import SYSTEM

from .conftest import _person, held_meeting, pdf

pytestmark = pytest.mark.django_db


def _meeting_with(eoc, eoc_member, n: int):
    meeting = held_meeting(eoc)
    services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    for i in range(n):
        item = services.agenda_item_add(meeting=meeting, title=f"Item {i}", by=SYSTEM)
        services.paper_add(agenda_item=item, title=f"Paper {i}", upload=pdf(), by=SYSTEM)
        services.decision_record(agenda_item=item, text=f"Decision {i}", by=SYSTEM)
        services.action_record(
            agenda_item=item,
            text=f"Action {i}",
            owner=eoc_member,
            due=meeting.starts_at.date() + timedelta(days=30),
            by=SYSTEM,
        )
        services.attendance_record(meeting=meeting, person=_person(), status="apologies", by=SYSTEM)
    return meeting


@pytest.mark.parametrize("rows", [2, 25])
def test_meeting_minutes_and_action_log_pages(
    client, network_admin, eoc, eoc_member, rows, django_assert_max_num_queries
):
    meeting = _meeting_with(eoc, eoc_member, rows)
    client.force_login(network_admin)
    pages = {
        reverse("governance:meeting", kwargs={"pk": meeting.pk}): 15,
        reverse("governance:minutes", kwargs={"pk": meeting.pk}): 14,
        reverse("governance:actions", kwargs={"slug": "eoc"}): 5,
        reverse("governance:meetings", kwargs={"slug": "eoc"}): 6,
    }
    for url, most in pages.items():
        with django_assert_max_num_queries(most):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("rows", [2, 25])
def test_public_meetings_list(client, eoc, rows, django_assert_max_num_queries):
    for i in range(rows):
        held_meeting(eoc, days_ago=i + 1, title=f"Meeting {i}")
    with django_assert_max_num_queries(6):
        assert client.get(reverse("governance:meetings", kwargs={"slug": "eoc"})).status_code == 200


def test_the_body_page_speaks_welsh(client, eoc):
    with translation.override("cy"):
        url = reverse("governance:body", kwargs={"slug": "eoc"})
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert "Pwyllgor Goruchwylio Gweithredol" in page
    assert "Ei saith diben yw" in page
    assert "Swydd wag" in page
