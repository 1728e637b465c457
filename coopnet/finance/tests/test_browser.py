"""The invoice run and a member's invoice in Chromium, with axe-core on every page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import PASSWORD
from coopnet.core.membership_year import year_of
from coopnet.finance.models import FeeSchedule, FinanceSettings, Invoice
from coopnet.members.tests.factories import category

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def this_years_fees(db):
    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre, Oldham"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    FeeSchedule.objects.create(
        year=year_of(timezone.localdate()),
        category=category("full"),
        amount=Decimal("3500.00"),
    )


def test_finance_officer_previews_and_confirms_the_run_then_a_member_downloads_its_invoice(
    browser_page, this_years_fees, org_a, org_b, officer_a, finance_officer
):
    bp = browser_page.sign_in(finance_officer.email, PASSWORD)
    bp.visit("/finance/")
    bp.follow("Run the year's invoices")
    bp.submit("Preview the run")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Check the invoice run"
    members = bp.page.locator("table").nth(0).inner_text()
    assert org_a.name in members
    assert org_b.name in members
    assert "£3,500.00" in members
    assert not Invoice.objects.exists()
    bp.submit("Raise 2 invoices")
    assert "2 invoices raised" in bp.page.locator(".govuk-notification-banner").inner_text()
    assert Invoice.objects.count() == 2
    # Previewing again shows both as already invoiced, and offers nothing to raise.
    bp.visit("/finance/run/")
    bp.submit("Preview the run")
    assert bp.page.get_by_text("Already invoiced for this year").count() == 2
    assert bp.page.get_by_role("button", name="Raise").count() == 0
    bp.page.context.clear_cookies()

    bp.sign_in(officer_a.email, PASSWORD)
    bp.visit("/finance/my-invoices/")
    invoice = Invoice.objects.get(organisation=org_a)
    other = Invoice.objects.get(organisation=org_b)
    assert other.reference not in bp.page.content()
    bp.follow(invoice.reference)
    assert invoice.reference in bp.page.get_by_role("heading", level=1).inner_text()
    with bp.page.expect_download() as info:
        bp.page.get_by_role("link", name="Download the invoice (PDF)").click()
    download = info.value
    assert download.suggested_filename == f"invoice-{invoice.reference}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_payment_keyed_twice_is_reversed_with_a_reason_and_the_invoice_owes_it_again(
    browser_page, this_years_fees, org_a, finance_officer
):
    from coopnet.finance.services import invoice_run_confirm, payment_record

    today = timezone.localdate()
    invoice_run_confirm(year=year_of(today), on=today, by=finance_officer)
    invoice = Invoice.objects.get(organisation=org_a)
    for _ in range(2):
        payment_record(
            invoice=invoice,
            received_on=today,
            amount="1000.00",
            reference="BACS 1",
            by=finance_officer,
            again=True,  # keyed twice past the question "record it again?"
        )
    bp = browser_page.sign_in(finance_officer.email, PASSWORD)
    bp.visit(f"/finance/invoices/{invoice.reference}/")
    bp.page.get_by_role("link", name="Reverse the payment of £1,000.00").first.click()
    bp.page.wait_for_load_state("load")
    bp.check()
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Reverse this payment"
    bp.submit("Reverse the payment")
    assert "Give the reason for reversing the payment." in bp.page.content()
    bp.page.get_by_label("Why is this payment being reversed?").fill(
        "Keyed twice from one BACS line"
    )
    bp.submit("Reverse the payment")
    banner = bp.page.locator(".govuk-notification-banner").inner_text()
    assert "The payment of £1,000.00 has been reversed" in banner
    assert "Reversed on" in bp.page.content()
    assert "Keyed twice from one BACS line" in bp.page.content()
    assert bp.page.get_by_role("link", name="Reverse the payment of £1,000.00").count() == 1
