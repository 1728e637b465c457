"""The finance pages: the run as staff see it, invoices as members see them, PDF and CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from coopnet.finance.models import Invoice, InvoiceRun, Payment, PurchaseOrder
from coopnet.finance.services import credit_note_issue, invoice_run_confirm, payment_record
from coopnet.members.models import OrganisationKind
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

from .conftest import RUN_DATE, YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoices(schedules, org_a, org_b, finance_officer):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    return {i.organisation: i for i in Invoice.objects.select_related("organisation")}


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_run_preview_then_confirm(client, schedules, org_a, org_b, finance_officer):
    client.force_login(finance_officer)
    page = client.get(reverse("finance:run"), {"year": YEAR, "on": "2024-09-02"})
    html = page.content.decode()
    assert "Check the invoice run" in html
    assert "Oldham Council" in html
    assert "£7,000.00" in html
    assert "Raise 2 invoices" in html
    assert not Invoice.objects.exists()
    data = {"year": YEAR, "on": "2024-09-02", "expected_count": 2, "expected_total": "7000.00"}
    done = client.post(reverse("finance:run"), data, follow=True)
    assert "2 invoices raised for 2024/25" in done.content.decode()
    assert Invoice.objects.count() == 2
    # Posting the same confirmation again (a double click) raises nothing more.
    again = client.post(reverse("finance:run"), data)
    assert "There is nobody to invoice for 2024/25" in again.content.decode()
    assert Invoice.objects.count() == 2


def test_run_preview_refuses_a_date_outside_the_year(client, schedules, finance_officer):
    client.force_login(finance_officer)
    page = client.get(reverse("finance:run"), {"year": YEAR, "on": "2023-09-02"})
    assert "must fall in the membership year 2024/25" in page.content.decode()


def test_the_run_shows_members_already_invoiced_as_skipped(client, invoices, finance_officer):
    client.force_login(finance_officer)
    html = client.get(reverse("finance:run"), {"year": YEAR, "on": "2024-09-03"}).content.decode()
    assert "Already invoiced for this year (INV-00001)" in html
    assert "Nobody to invoice." in html


def test_member_downloads_its_own_invoice_pdf(client, invoices, org_a, officer_a, finance_officer):
    invoice = invoices[org_a]
    PurchaseOrder.objects.create(organisation=org_a, year=YEAR, reference="PO-77")
    Invoice.objects.filter(pk=invoice.pk).update(purchase_order="PO-77")
    client.force_login(officer_a)
    response = client.get(reverse("finance:invoice_pdf", args=[invoice.reference]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    for expected in [
        invoice.reference,
        "Oldham Council",  # the Accountable Body, and the member invoiced
        "Civic Centre",
        "Membership fee 2024/25: Full",
        "£3,500.00",
        "2 September 2024",
        "2 October 2024",
        "PO-77",
        "outside the scope of VAT",
        "Pay by BACS quoting the invoice number.",
    ]:
        assert expected in text, expected
    # A tagged PDF in the page's language: a screen reader reads its headings and tables.
    catalogue = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    assert bool(catalogue["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in catalogue
    assert catalogue["/Lang"] == "en-gb"


def test_members_are_refused_other_members_invoices(client, invoices, org_b, officer_a):
    client.force_login(officer_a)
    invoice = invoices[org_b]
    for name in ("finance:invoice_detail", "finance:invoice_pdf"):
        assert client.get(reverse(name, args=[invoice.reference])).status_code == 403
    listing = client.get(reverse("finance:my_invoices")).content.decode()
    assert invoice.reference not in listing


def test_invoice_contact_sees_its_organisations_invoices(
    client, invoices, org_a, invoice_contact_a
):
    client.force_login(invoice_contact_a)
    listing = client.get(reverse("finance:my_invoices")).content.decode()
    assert invoices[org_a].reference in listing
    detail = client.get(reverse("finance:invoice_detail", args=[invoices[org_a].reference]))
    assert detail.status_code == 200


def test_an_unknown_invoice_is_not_found(client, finance_officer):
    client.force_login(finance_officer)
    assert client.get(reverse("finance:invoice_detail", args=["INV-99999"])).status_code == 404


def test_ledger_csv_carries_a_typed_formula_as_text(client, invoices, org_a, finance_officer):
    invoice = invoices[org_a]
    type(invoice).objects.filter(pk=invoice.pk).update(purchase_order='=HYPERLINK("x","y")')
    client.force_login(finance_officer)
    response = client.get(reverse("finance:ledger"), {"year": YEAR})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    po = rows[0].index("purchase_order")
    assert [r[po] for r in rows[1:] if r[1] == invoice.reference] == ['\'=HYPERLINK("x","y")']
    net = rows[0].index("net")
    assert all(not r[net].startswith("'") for r in rows[1:])


def test_ledger_csv_layout(client, invoices, org_a, finance_officer):
    credit_note_issue(
        invoice=invoices[org_a],
        amount="500.00",
        reason="Agreed reduction",
        on=date(2024, 9, 10),
        by=finance_officer,
    )
    client.force_login(finance_officer)
    response = client.get(reverse("finance:ledger"), {"year": YEAR})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ledger-2024-25.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "type",
        "number",
        "date",
        "due_date",
        "customer",
        "customer_ref",
        "membership_year",
        "category",
        "description",
        "purchase_order",
        "net",
        "vat_rate",
        "vat",
        "gross",
        "invoice_number",
    ]
    assert rows[1] == [
        "invoice",
        "INV-00001",
        "2024-09-02",
        "2024-10-02",
        "Kirklees Council",
        "kir",
        "2024/25",
        "full",
        "Membership fee 2024/25: Full",
        "",
        "3500.00",
        "0.00",
        "0.00",
        "3500.00",
        "INV-00001",
    ]
    assert rows[3] == [
        "credit_note",
        "CN-00001",
        "2024-09-10",
        "",
        org_a.name,
        "old",
        "2024/25",
        "full",
        "Agreed reduction",
        "",
        "-500.00",
        "0.00",
        "0.00",
        "-500.00",
        "INV-00002",
    ]
    assert len(rows) == 4


def test_recording_a_payment_through_the_page(client, invoices, org_a, finance_officer):
    client.force_login(finance_officer)
    url = reverse("finance:payment_add", args=[invoices[org_a].reference])
    bad = client.post(url, {"received_on": "2024-09-20", "amount": "-1", "reference": ""})
    assert "Enter an amount of at least £0.01." in bad.content.decode()
    too_many = client.post(url, {"received_on": "2024-09-20", "amount": "1.234"})
    assert "pounds and pence using numbers only" in too_many.content.decode()
    too_much = client.post(url, {"received_on": "2024-09-20", "amount": "9999"})
    assert "more than the £3,500.00 still owed" in too_much.content.decode()
    no_date = client.post(url, {"received_on": "", "amount": "10"})
    assert "Enter a date." in no_date.content.decode()
    assert not Payment.objects.exists()
    ok = client.post(
        url, {"received_on": "2024-09-20", "amount": "1,000.00", "reference": "BACS"}, follow=True
    )
    assert "The payment has been recorded." in ok.content.decode()
    assert "Part paid" in ok.content.decode() or "Overdue" in ok.content.decode()
    assert Payment.objects.get().amount == Decimal("1000.00")


def test_credit_note_through_the_page(client, invoices, org_a, finance_officer):
    client.force_login(finance_officer)
    url = reverse("finance:credit_note_add", args=[invoices[org_a].reference])
    missing = client.post(url, {"issued_on": "2024-09-20", "amount": "10", "reason": ""})
    assert "Give the reason for the credit note." in missing.content.decode()
    ok = client.post(
        url, {"issued_on": "2024-09-20", "amount": "3500", "reason": "Cancelled"}, follow=True
    )
    assert "Credit note CN-00001 has been issued." in ok.content.decode()
    assert "Credited" in ok.content.decode()


def test_purchase_order_page(client, invoices, org_a, officer_a):
    client.force_login(officer_a)
    url = reverse("finance:purchase_order", args=[org_a.slug])
    too_long = client.post(url, {"year": YEAR, "reference": "X" * 61})
    assert "at most 60 characters" in too_long.content.decode()
    ok = client.post(url, {"year": YEAR, "reference": "PO-123"}, follow=True)
    assert "The purchase order reference for 2024/25 has been saved." in ok.content.decode()
    assert Invoice.objects.get(organisation=org_a).purchase_order == "PO-123"


def test_debtors_page_shows_lapsed_pending_and_the_decision(
    client, invoices, org_a, finance_settings, network_admin
):
    finance_settings.lapse_days = 1
    finance_settings.save()
    client.force_login(network_admin)
    html = client.get(reverse("finance:debtors")).content.decode()
    assert "Lapsed-pending" in html
    membership = invoices[org_a].membership
    url = reverse("finance:lapsed_end", args=[membership.pk])
    unconfirmed = client.post(url, {"end": date.today().isoformat(), "reason": "Unpaid"})
    assert "Confirm that the network has decided this." in unconfirmed.content.decode()
    membership.refresh_from_db()
    assert membership.end is None
    done = client.post(
        url, {"end": date.today().isoformat(), "reason": "Unpaid", "confirm": "on"}, follow=True
    )
    assert "has ended" in done.content.decode()
    membership.refresh_from_db()
    assert membership.end == date.today()


def _many_invoices(n: int, by) -> None:
    for i in range(n):
        org = OrganisationFactory(
            name=f"Affiliate {i}", kind=OrganisationKind.AFFILIATE_ORGANISATION
        )
        MembershipFactory(organisation=org, category=category("affiliate"))
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=by)
    for invoice in Invoice.objects.all()[::2]:
        payment_record(
            invoice=invoice,
            received_on=RUN_DATE + timedelta(days=3),
            amount="10.00",
            reference="",
            by=by,
        )
        credit_note_issue(invoice=invoice, amount="1.00", reason="x", on=RUN_DATE, by=by)


@pytest.mark.parametrize("rows", [2, 30])
def test_lists_cost_the_same_queries_at_any_size(
    client, schedules, finance_officer, invoice_contact_a, django_assert_max_num_queries, rows
):
    _many_invoices(rows, finance_officer)
    client.force_login(finance_officer)
    for name, limit in [("finance:invoices", 12), ("finance:debtors", 12), ("finance:ledger", 8)]:
        with django_assert_max_num_queries(limit):
            assert client.get(reverse(name), {"year": YEAR}).status_code == 200
    with django_assert_max_num_queries(14):
        assert (
            client.get(reverse("finance:run"), {"year": YEAR, "on": "2024-09-02"}).status_code
            == 200
        )
    client.force_login(invoice_contact_a)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("finance:my_invoices")).status_code == 200
    reference = Invoice.objects.first().reference
    client.force_login(finance_officer)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("finance:invoice_detail", args=[reference])).status_code == 200


def test_pages_speak_welsh(client, invoices, org_a, officer_a, finance_officer):
    client.force_login(finance_officer)
    client.cookies["django_language"] = "cy"
    html = client.get(reverse("finance:run"), {"year": YEAR, "on": "2024-09-03"}).content.decode()
    assert "Gwirio'r rhediad anfonebau" in html or "Gwirio&#x27;r rhediad anfonebau" in html
    client.force_login(officer_a)
    client.cookies["django_language"] = "cy"
    page = client.get(reverse("finance:invoice_detail", args=[invoices[org_a].reference]))
    assert "Lawrlwytho" in page.content.decode()
    # money is written the same way in Welsh
    assert "£3,500.00" in page.content.decode()


def test_confirming_with_a_date_outside_the_year_is_refused_not_an_error(
    client, schedules, org_a, finance_officer
):
    client.force_login(finance_officer)
    data = {"year": YEAR, "on": "2023-09-02", "expected_count": 1, "expected_total": "3500.00"}
    response = client.post(reverse("finance:run"), data)
    assert response.status_code == 200
    assert "must fall in the membership year 2024/25" in response.content.decode()
    assert not Invoice.objects.exists()


def test_credit_note_pdf(
    client, invoices, org_a, org_b, officer_a, finance_settings, finance_officer
):
    invoice = invoices[org_a]
    note = credit_note_issue(
        invoice=invoice, amount="700.00", reason="Agreed reduction", on=RUN_DATE, by=finance_officer
    )
    client.force_login(officer_a)
    url = reverse("finance:credit_note_pdf", args=[invoice.reference, note.reference])
    response = client.get(url)
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="credit-note-{note.reference}.pdf"'
    )
    text = pdf_text(response.content)
    for expected in [note.reference, invoice.reference, "Agreed reduction", "£700.00", org_a.name]:
        assert expected in text, expected
    other = reverse("finance:credit_note_pdf", args=[invoices[org_b].reference, note.reference])
    assert client.get(other).status_code == 403  # someone else's invoice
    client.force_login(finance_officer)
    assert client.get(other).status_code == 404  # that note is not on that invoice


def test_credit_notes_split_vat_in_the_ledger(
    client, schedules, org_a, finance_settings, finance_officer
):
    from coopnet.finance.models import VatTreatment

    finance_settings.vat_treatment = VatTreatment.STANDARD
    finance_settings.vat_number = "GB123456789"
    finance_settings.save()
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    invoice = Invoice.objects.get()
    credit_note_issue(
        invoice=invoice, amount="4200.00", reason="Cancelled", on=RUN_DATE, by=finance_officer
    )
    client.force_login(finance_officer)
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("finance:ledger"), {"year": YEAR}).content.decode())
        )
    )
    assert rows[1][10:14] == ["3500.00", "20.00", "700.00", "4200.00"]
    assert rows[2][10:14] == ["-3500.00", "20.00", "-700.00", "-4200.00"]


def test_the_run_says_how_many_were_emailed_and_lists_those_without_a_contact(
    client, schedules, org_a, org_b, invoice_contact_a, finance_officer
):
    client.force_login(finance_officer)
    data = {"year": YEAR, "on": "2024-09-02", "expected_count": 2, "expected_total": "7000.00"}
    html = client.post(reverse("finance:run"), data, follow=True).content.decode()
    assert "2 invoices raised for 2024/25. 1 is being emailed to its invoice contact." in html
    assert "1 has no invoice contact with an email address and has not been emailed" in html
    assert "Each is being emailed" not in html
    kirklees = Invoice.objects.get(organisation=org_b)
    listed = html.split('id="not-emailed"')[1].split("</ul>")[0]
    assert kirklees.reference in listed
    assert "Kirklees Council" in listed
    assert "Oldham Council" not in listed


@pytest.mark.parametrize("blank", ["body_address", "payment_instructions", "body_name"])
def test_the_run_is_refused_while_the_accountable_body_is_not_set_up(
    client, schedules, org_a, org_b, finance_officer, finance_settings, blank
):
    setattr(finance_settings, blank, "  ")
    finance_settings.save()
    client.force_login(finance_officer)
    data = {"year": YEAR, "on": "2024-09-02", "expected_count": 2, "expected_total": "7000.00"}
    html = client.post(reverse("finance:run"), data, follow=True).content.decode()
    assert "Enter the Accountable Body&#x27;s" in html
    assert "an invoice without them cannot be paid" in html
    assert not Invoice.objects.exists()
    assert not InvoiceRun.objects.exists()


def _submission_key(page) -> str:
    found = re.search(r'name="submission_key" value="([^"]+)"', page.content.decode())
    assert found, "the form carries no submission key"
    return found[1]


def test_twenty_presses_of_record_payment_record_one_payment(
    client, invoices, org_a, finance_officer
):
    client.force_login(finance_officer)
    url = reverse("finance:payment_add", args=[invoices[org_a].reference])
    key = _submission_key(client.get(url))
    sent = {
        "received_on": "2024-09-20",
        "amount": "100",
        "reference": "BACS 1",
        "submission_key": key,
    }
    first = client.post(url, sent, follow=True)
    assert "The payment has been recorded." in first.content.decode()
    for _ in range(19):
        again = client.post(url, sent, follow=True)
        assert "already sent and has been recorded; it was not recorded again" in (
            again.content.decode()
        )
    assert Payment.objects.count() == 1
    # The form shown afresh has a new key: a second payment can be recorded with it.
    assert _submission_key(client.get(url)) != key


def test_a_payment_with_the_same_details_asks_before_it_is_recorded_again(
    client, invoices, org_a, finance_officer
):
    client.force_login(finance_officer)
    url = reverse("finance:payment_add", args=[invoices[org_a].reference])
    details = {"received_on": "2024-09-20", "amount": "250", "reference": "BACS 7"}
    client.post(url, {**details, "submission_key": _submission_key(client.get(url))})
    key = _submission_key(client.get(url))
    asked = client.post(url, {**details, "submission_key": key})
    html = asked.content.decode()
    assert "A payment of £250.00 received on 20 September 2024 with this reference" in html
    assert 'type="checkbox" name="again"' in html
    assert Payment.objects.count() == 1
    confirmed = client.post(url, {**details, "submission_key": key, "again": "on"}, follow=True)
    assert "The payment has been recorded." in confirmed.content.decode()
    assert Payment.objects.count() == 2


def test_a_credit_note_form_sent_twice_issues_one_note(client, invoices, org_a, finance_officer):
    client.force_login(finance_officer)
    url = reverse("finance:credit_note_add", args=[invoices[org_a].reference])
    sent = {
        "issued_on": "2024-09-20",
        "amount": "10",
        "reason": "Goodwill",
        "submission_key": _submission_key(client.get(url)),
    }
    client.post(url, sent)
    repeated = client.post(url, sent, follow=True)
    assert "it was not recorded again" in repeated.content.decode()
    assert invoices[org_a].credit_notes.count() == 1


def test_the_invoice_list_is_remembered_but_shows_a_payment_at_once(
    client, schedules, finance_officer, django_assert_max_num_queries
):
    org = OrganisationFactory(name="Affiliate Alpha", kind=OrganisationKind.AFFILIATE_ORGANISATION)
    MembershipFactory(organisation=org, category=category("affiliate"))
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    invoice = Invoice.objects.get()
    client.force_login(finance_officer)
    url = reverse("finance:invoices")
    first = client.get(url).text
    assert invoice.reference in first
    with django_assert_max_num_queries(8) as queries:  # session, user, settings, version
        assert client.get(url).text == first
    assert "finance_payment" not in " ".join(q["sql"] for q in queries.captured_queries)

    payment_record(
        invoice=invoice,
        received_on=RUN_DATE + timedelta(days=3),
        amount=invoice.total,
        reference="BACS 1",
        by=finance_officer,
    )
    after = client.get(url).text
    assert after != first
    assert ">Paid</strong>" in after
    assert ">Paid</strong>" not in first
