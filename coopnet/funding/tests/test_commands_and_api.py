"""The reminders command, the search registration and the public API."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.core.search.registry import REGISTRY
from coopnet.funding import services
from coopnet.funding.models import Project
from coopnet.funding.tests.factories import SYSTEM

from .conftest import complete_bid

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(open_round, lab, org_a, officer_a, principle, joint_meeting, network_admin):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="Care")
    complete_bid(bid, by=officer_a, principle=principle)
    services.bid_submit(bid=bid, by=officer_a)
    services.decision_record(bid=bid, meeting=joint_meeting, outcome="approve", by=network_admin)
    project = Project.objects.get(bid=bid)
    services.agreement_sign(project=project, by=network_admin, on=timezone.localdate())
    return project


def test_reminder_command_queues_reminders(project, settings):
    settings.COOPNET_FUNDING_REMINDER_DAYS = 400
    out = StringIO()
    call_command("funding_send_reminders", stdout=out)
    assert "reminder(s) queued" in out.getvalue()
    assert project.reports.filter(reminded_on=timezone.localdate()).count() >= 1


def test_projects_are_registered_for_search(project):
    searchable = REGISTRY["funded_project"]
    doc = searchable.document(project)
    assert doc is not None
    assert doc.title == "Care"
    assert doc.url == project.get_absolute_url()
    assert doc.facets["principle"] == ["co-production"]
    assert project.lead.slug in doc.facets["member"]
    project.is_published = False
    assert searchable.document(project) is None


def test_api_lists_published_projects(client, project, lab, org_a):
    Project.objects.create(
        slug="hidden", scheme=lab, title="Hidden", lead=org_a, is_published=False
    )
    data = client.get("/api/v1/funded-projects/").json()
    assert [p["slug"] for p in data["results"]] == [project.slug]
    assert data["results"][0]["amount"] == "8000.00"
    detail = client.get(f"/api/v1/funded-projects/{project.slug}/", {"scheme": "policy-lab"}).json()
    assert detail["lead"] == org_a.slug
    missing = client.get("/api/v1/funded-projects/hidden/")
    assert missing.status_code == 404
    # The API's error shape (docs/api.md): a type and a list of errors, not {"detail": ...}.
    assert missing.json()["type"] == "client_error"
    assert [(e["code"], e["attr"]) for e in missing.json()["errors"]] == [("not_found", None)]


def test_round_needs_dates_in_order(lab):
    from coopnet.funding.errors import FundingError

    with pytest.raises(FundingError, match="cannot close before it opens"):
        services.round_save(
            year=2030,
            theme="",
            opens_on=date(2030, 2, 1),
            closes_on=date(2030, 1, 1),
            pots={lab: Decimal(1)},
            by=SYSTEM,
        )


def test_only_staff_open_rounds(lab, officer_a):
    with pytest.raises(Refused):
        services.round_save(
            year=2030,
            theme="",
            opens_on=date(2030, 1, 1),
            closes_on=date(2030, 2, 1),
            pots={lab: Decimal(1)},
            by=officer_a,
        )
