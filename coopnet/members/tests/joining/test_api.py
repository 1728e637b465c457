"""GET /api/v1/applications/: staff only, read-only, with the self-assessment."""

from __future__ import annotations

import pytest
from django.test import Client

from .helpers import council_application, draft

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_network_admins_read_applications_with_their_self_assessment(network_admin):
    application = council_application()
    draft(applicant_email="drafting@example.org")
    response = _client(network_admin).get("/api/v1/applications/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["name"] == "Wigan Metropolitan Borough Council"
    assert (row["status"], row["category"], row["local_authority"]) == ("submitted", "full", "WGN")
    assert len(row["assessments"]) == 10
    assert row["assessments"][0]["principle"] == "social-partnership"
    detail = _client(network_admin).get(f"/api/v1/applications/{application.pk}/").json()
    assert detail["invoice_email"] == "invoices@example.org"
    filtered = _client(network_admin).get("/api/v1/applications/?status=approved").json()
    assert filtered["count"] == 0


def test_everyone_else_is_refused(officer_a, finance_officer, board_member):
    council_application()
    for user in (None, officer_a, finance_officer, board_member):
        response = _client(user).get("/api/v1/applications/")
        assert response.status_code == 403


def test_the_api_does_not_write(network_admin):
    application = council_application()
    client = _client(network_admin)
    assert client.post("/api/v1/applications/", {}).status_code == 405
    assert client.delete(f"/api/v1/applications/{application.pk}/").status_code == 405


def test_api_queries_do_not_grow_with_rows(network_admin, django_assert_max_num_queries):
    from .test_views import _many_applications

    client = _client(network_admin)
    _many_applications(2)
    client.get("/api/v1/applications/")
    with django_assert_max_num_queries(8) as two:
        client.get("/api/v1/applications/")
    _many_applications(8, offset=2)
    with django_assert_max_num_queries(len(two.captured_queries)):
        assert client.get("/api/v1/applications/").json()["count"] >= 8
