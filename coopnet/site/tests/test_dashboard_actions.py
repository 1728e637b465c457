"""A signed-in person's dashboard lists what needs their action, from each owning app's
providers: bids to review, invoices to pay, reports due, applications to decide (ballots to
cast: coopnet/governance/elections/tests/test_dashboard.py).
Each list costs the same number of queries at few rows and at many."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.finance.tests.factories import InvoiceFactory
from coopnet.funding.models import ProgressReport, ReviewAssignment
from coopnet.funding.tests.factories import BidFactory, ProjectFactory
from coopnet.members.tests.joining.helpers import council_application

pytestmark = pytest.mark.django_db

NOTHING = "Nothing needs your action today."


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("site:dashboard"))
    assert response.status_code == 200
    return response.text


def _queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("site:dashboard"))
    return len(ctx.captured_queries)


_YEARS = itertools.count(2001)


def _invoice(org, **kw):
    """An unpaid invoice of the organisation's membership, each for another year."""
    return InvoiceFactory(
        membership=org.memberships.first(),
        organisation=org,
        year=next(_YEARS),
        due_on=timezone.localdate(),
        **kw,
    )


def test_nothing_to_do_says_so(client, supporter):
    assert NOTHING in _dashboard(client, supporter)


def test_an_officer_sees_their_organisations_invoices_to_pay(client, officer_a, org_a, org_b):
    mine = _invoice(org_a)
    other = _invoice(org_b)
    page = _dashboard(client, officer_a)
    assert "Invoices to pay" in page
    assert reverse("finance:invoice_detail", args=[mine.reference]) in page
    assert "£3,500.00 to pay by" in page
    assert other.reference not in page
    assert NOTHING not in page


def test_an_officer_sees_the_reports_their_projects_owe(client, officer_a, org_a):
    project = ProjectFactory(lead=org_a, title="Community wealth lab")
    report = ProgressReport.objects.create(project=project, due_on=timezone.localdate())
    done = ProgressReport.objects.create(
        project=project,
        due_on=timezone.localdate() - timedelta(days=90),
        status=ProgressReport.Status.ACCEPTED,
    )
    page = _dashboard(client, officer_a)
    assert "Reports due" in page
    assert reverse("funding:report", args=[report.pk]) in page
    assert reverse("funding:report", args=[done.pk]) not in page


def test_a_reviewer_sees_the_bids_waiting_for_their_review(client, board_member):
    from coopnet.members.tests.factories import PersonFactory

    person = PersonFactory(user=board_member)
    waiting = ReviewAssignment.objects.create(
        bid=BidFactory(title="Food network lab"), reviewer=person
    )
    ReviewAssignment.objects.create(
        bid=BidFactory(title="Scored already"),
        reviewer=person,
        status=ReviewAssignment.Status.SCORED,
    )
    page = _dashboard(client, board_member)
    assert "Bids to review" in page
    assert reverse("funding:review", args=[waiting.pk]) in page
    assert "Scored already" not in page


def test_staff_see_the_applications_to_decide(client, network_admin, officer_a):
    application = council_application()
    page = _dashboard(client, network_admin)
    assert "Applications to decide" in page
    assert reverse("joining:application", args=[application.pk]) in page
    assert "Applications to decide" not in _dashboard(client, officer_a)


def test_the_lists_cost_the_same_at_few_and_many_rows(client, officer_a, org_a):
    project = ProjectFactory(lead=org_a)
    for _ in range(2):
        _invoice(org_a)
        ProgressReport.objects.create(project=project, due_on=timezone.localdate())
    few = _queries(client, officer_a)
    for _ in range(10):
        _invoice(org_a)
        ProgressReport.objects.create(project=project, due_on=timezone.localdate())
    assert _queries(client, officer_a) == few
