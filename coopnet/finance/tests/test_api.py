"""GET /api/v1/finance/invoices/: own organisations' invoices for members, all for finance staff."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.finance.models import Invoice
from coopnet.finance.services import invoice_run_confirm

from .conftest import RUN_DATE, YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoices(schedules, org_a, org_b, finance_officer):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    return {i.organisation_id: i for i in Invoice.objects.all()}


def numbers(response) -> set[str]:
    return {row["number"] for row in response.json()["results"]}


def test_finance_staff_see_every_invoice(client, invoices, finance_officer):
    client.force_login(finance_officer)
    response = client.get(reverse("api:invoice-list"))
    assert numbers(response) == {"INV-00001", "INV-00002"}
    row = response.json()["results"][0]
    assert row["total"] == "3500.00"
    assert row["outstanding"] == "3500.00"
    assert row["status"] == "overdue"
    assert row["membership_year"] == "2024/25"
    assert row["pdf"].endswith("/invoice.pdf")


def test_members_see_only_their_own(client, invoices, org_a, officer_a):
    client.force_login(officer_a)
    assert numbers(client.get(reverse("api:invoice-list"))) == {invoices[org_a.pk].reference}


def test_others_invoice_is_refused(client, invoices, org_b, officer_a):
    client.force_login(officer_a)
    url = reverse("api:invoice-detail", args=[invoices[org_b.pk].reference])
    response = client.get(url)
    assert response.status_code == 403
    # The API's one error shape (coopnet.core.api_errors).
    assert response.json()["errors"][0]["detail"] == "This invoice is not one of yours."


def test_anonymous_is_refused_and_nobody_writes(client, invoices, finance_officer):
    assert client.get(reverse("api:invoice-list")).status_code == 403
    client.force_login(finance_officer)
    assert client.post(reverse("api:invoice-list"), {}).status_code == 405


def test_filters(client, invoices, finance_officer):
    client.force_login(finance_officer)
    assert numbers(client.get(reverse("api:invoice-list"), {"year": YEAR + 1})) == set()
    assert len(numbers(client.get(reverse("api:invoice-list"), {"status": "overdue"}))) == 2
    assert numbers(client.get(reverse("api:invoice-list"), {"status": "paid"})) == set()
