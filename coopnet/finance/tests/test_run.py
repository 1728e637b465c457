"""The September invoice run: preview, confirm, numbering, idempotency, VAT, bands, emails."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.finance.errors import FinanceError
from coopnet.finance.models import FeeBand, FixedFee, Invoice, NumberCounter, VatTreatment
from coopnet.finance.services import (
    invoice_raise_first,
    invoice_run_confirm,
    invoice_run_plan,
    purchase_order_set,
)
from coopnet.members.models import OrganisationKind, RoleKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    category,
)

from .conftest import RUN_DATE, YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(org_a, org_b):
    """Two Full councils (Oldham, Kirklees), an Affiliate, a Supporter and a former member."""
    affiliate = OrganisationFactory(
        name="Co-op Partner", kind=OrganisationKind.AFFILIATE_ORGANISATION
    )
    MembershipFactory(organisation=affiliate, category=category("affiliate"))
    supporter = OrganisationFactory(
        name="Friendly Org", kind=OrganisationKind.SUPPORTER_ORGANISATION
    )
    MembershipFactory(organisation=supporter, category=category("supporter"))
    former = CouncilFactory(la_code="MAN")
    MembershipFactory(organisation=former, category=category("full"), end=date(2024, 7, 31))
    return {"affiliate": affiliate, "supporter": supporter, "former": former}


def test_preview_lists_who_is_invoiced_and_why_others_are_not(schedules, members, org_a):
    plan = invoice_run_plan(year=YEAR, on=RUN_DATE)
    invoiced = {line.holder_name: line.fee.amount for line in plan.to_invoice}
    assert invoiced == {
        org_a.name: Decimal("3500.00"),
        "Kirklees Council": Decimal("3500.00"),
        "Co-op Partner": Decimal("250.00"),
    }
    assert plan.total == Decimal("7250.00")
    skipped = {line.holder_name: line.skip_reason for line in plan.skipped}
    assert skipped == {"Friendly Org": "No fee set for Supporter in 2024/25"}
    assert not Invoice.objects.exists()  # a preview writes nothing


def test_confirm_raises_one_invoice_each_numbered_without_gaps(schedules, members, finance_officer):
    run = invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    invoices = list(Invoice.objects.order_by("number"))
    assert [i.number for i in invoices] == [1, 2, 3]
    assert [i.reference for i in invoices] == ["INV-00001", "INV-00002", "INV-00003"]
    assert run.invoice_count == 3
    assert run.total == Decimal("7250.00")
    first = invoices[0]
    assert first.due_on == date(2024, 10, 2)
    assert first.description == "Membership fee 2024/25: Full"
    assert first.body["name"] == "Oldham Council"
    assert first.vat_treatment == VatTreatment.OUTSIDE_SCOPE
    assert first.vat_amount == 0


def test_running_again_creates_nothing_twice(schedules, members, finance_officer, org_a):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    plan = invoice_run_plan(year=YEAR, on=RUN_DATE)
    assert plan.to_invoice == []
    assert any(line.skip_reason.startswith("Already invoiced") for line in plan.skipped)
    with pytest.raises(FinanceError, match="nobody to invoice"):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert Invoice.objects.count() == 3
    assert NumberCounter.objects.get(name="invoice").last_number == 3


def test_the_database_refuses_a_second_invoice_for_a_membership_and_year(
    schedules, members, finance_officer, org_a
):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    invoice = Invoice.objects.get(organisation=org_a)
    invoice.pk = None
    invoice.number, invoice.reference = 99, "INV-00099"
    with pytest.raises(IntegrityError), transaction.atomic():
        invoice.save()


def test_a_new_member_invoiced_on_joining_is_skipped_by_the_run(schedules, org_a, finance_officer):
    joined = MembershipFactory(
        organisation=CouncilFactory(la_code="LIV"),
        category=category("full"),
        start=date(2024, 8, 20),
    )
    first = invoice_raise_first(membership=joined, on=date(2024, 8, 20), by=finance_officer)
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert Invoice.objects.filter(membership=joined).get() == first
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_rolled_back_run_leaves_no_gap(schedules, members, finance_officer, monkeypatch):
    from coopnet.finance.services import invoicing

    calls = {"n": 0}
    real = invoicing._raised

    def fail_on_third(invoice):
        # The invoices are in the database by now: the audit entries follow them.
        assert Invoice.objects.filter(pk=invoice.pk).exists()
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(invoice)

    monkeypatch.setattr(invoicing, "_raised", fail_on_third)
    with pytest.raises(RuntimeError):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert not Invoice.objects.exists()
    assert not NumberCounter.objects.filter(last_number__gt=0).exists()
    monkeypatch.setattr(invoicing, "_raised", real)
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert sorted(Invoice.objects.values_list("number", flat=True)) == [1, 2, 3]


def test_confirm_refuses_when_the_figures_changed_since_the_preview(
    schedules, members, finance_officer
):
    plan = invoice_run_plan(year=YEAR, on=RUN_DATE)
    schedules["full"].amount = Decimal("4000.00")
    schedules["full"].save()
    with pytest.raises(FinanceError, match="changed since you previewed"):
        invoice_run_confirm(
            year=YEAR,
            on=RUN_DATE,
            by=finance_officer,
            expected_count=len(plan.to_invoice),
            expected_total=plan.total,
        )
    assert not Invoice.objects.exists()


def test_the_invoice_date_must_fall_in_the_year(schedules, members, finance_officer):
    with pytest.raises(FinanceError, match="must fall in the membership year 2024/25"):
        invoice_run_plan(year=YEAR, on=date(2025, 8, 1))


def test_invoicing_needs_the_accountable_body(
    schedules, members, finance_settings, finance_officer
):
    finance_settings.body_name = ""
    finance_settings.save()
    with pytest.raises(FinanceError, match="Accountable Body"):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)


@pytest.mark.parametrize("who", ["officer_a", "board_member", "supporter"])
def test_only_finance_staff_may_run_invoices(request, who, schedules, members):
    with pytest.raises(Refused):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=request.getfixturevalue(who))
    assert not Invoice.objects.exists()


def test_standard_rate_vat(schedules, members, finance_settings, finance_officer, org_a):
    finance_settings.vat_treatment = VatTreatment.STANDARD
    finance_settings.vat_number = "GB123456789"
    finance_settings.save()
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    invoice = Invoice.objects.get(organisation=org_a)
    assert (invoice.net_amount, invoice.vat_rate, invoice.vat_amount, invoice.total) == (
        Decimal("3500.00"),
        Decimal("20.00"),
        Decimal("700.00"),
        Decimal("4200.00"),
    )
    assert invoice.body["vat_number"] == "GB123456789"


def test_bands_by_council_type_and_population_and_fixed_fees(
    schedules, members, org_a, org_b, finance_officer
):
    # Oldham (MD, population about 237,000) and Kirklees (MD, about 441,000).
    schedule = schedules["full"]
    FeeBand.objects.create(
        schedule=schedule,
        name="Large metropolitan",
        la_type="MD",
        population_from=400_000,
        amount=Decimal("6000.00"),
        order=1,
    )
    FeeBand.objects.create(
        schedule=schedule, name="Metropolitan", la_type="MD", amount=Decimal("5000.00"), order=2
    )
    FixedFee.objects.create(
        schedule=schedules["affiliate"], organisation=members["affiliate"], amount=Decimal("100.00")
    )
    plan = invoice_run_plan(year=YEAR, on=RUN_DATE)
    fees = {line.holder_name: (line.fee.amount, line.fee.basis) for line in plan.to_invoice}
    assert fees[org_a.name] == (Decimal("5000.00"), "Band: Metropolitan")
    assert fees[org_b.name] == (Decimal("6000.00"), "Band: Large metropolitan")
    assert fees["Co-op Partner"] == (Decimal("100.00"), "Fixed fee agreed for this organisation")


def test_purchase_order_given_before_the_run_is_printed(
    schedules, members, org_a, officer_a, finance_officer
):
    purchase_order_set(organisation=org_a, year=YEAR, reference="PO-4455", by=officer_a)
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert Invoice.objects.get(organisation=org_a).purchase_order == "PO-4455"


def test_purchase_order_given_after_the_run_updates_the_open_invoice(
    schedules, members, org_a, officer_a, finance_officer
):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    purchase_order_set(organisation=org_a, year=YEAR, reference="PO-9", by=officer_a)
    assert Invoice.objects.get(organisation=org_a).purchase_order == "PO-9"


def test_only_the_members_own_people_set_its_purchase_order(schedules, org_a, officer_b):
    with pytest.raises(Refused):
        purchase_order_set(organisation=org_a, year=YEAR, reference="PO-1", by=officer_b)


def test_purchase_order_reference_is_at_most_60_characters(schedules, org_a, officer_a):
    with pytest.raises(FinanceError, match="at most 60"):
        purchase_order_set(organisation=org_a, year=YEAR, reference="X" * 61, by=officer_a)


def test_the_invoice_is_emailed_to_the_invoice_contact_with_the_pdf(
    schedules,
    members,
    org_a,
    invoice_contact_a,
    finance_officer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    to_oldham = [m for m in mailoutbox if m.to == ["invoices@oldham.example"]]
    assert len(to_oldham) == 1
    message = to_oldham[0]
    invoice = Invoice.objects.get(organisation=org_a)
    assert invoice.reference in message.subject
    name, content, mime = message.attachments[0]
    assert name == f"invoice-{invoice.reference}.pdf"
    assert mime == "application/pdf"
    assert content.startswith(b"%PDF")
    assert invoice.sent_to == "invoices@oldham.example"
    assert invoice.sent_at is not None
    # Kirklees has no invoice contact: nothing is sent, and staff see it was not emailed.
    assert Invoice.objects.get(bill_to_name="Kirklees Council").sent_to == ""


def test_the_run_queues_its_emails_in_batches_not_one_task_per_invoice(
    schedules, members, finance_officer, monkeypatch
):
    from coopnet.finance import tasks
    from coopnet.finance.services import invoicing

    monkeypatch.setattr(invoicing, "EMAILS_PER_TASK", 2)
    queued: list[tuple[object, dict]] = []
    monkeypatch.setattr(invoicing, "queue", lambda task, **kwargs: queued.append((task, kwargs)))
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    ids = list(Invoice.objects.order_by("number").values_list("pk", flat=True))
    assert len(ids) == 3
    assert queued == [
        (tasks.send_invoice_emails, {"invoice_ids": ids[:2]}),
        (tasks.send_invoice_emails, {"invoice_ids": ids[2:]}),
    ]


def test_one_invoice_that_cannot_be_emailed_does_not_stop_the_others(
    schedules, members, org_a, org_b, invoice_contact_a, finance_officer, monkeypatch
):
    from coopnet.finance import tasks

    RoleFactory(
        person=PersonFactory(email="invoices@kirklees.example"),
        organisation=org_b,
        kind=RoleKind.INVOICE_CONTACT,
    )
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    oldham = Invoice.objects.get(organisation=org_a)
    kirklees = Invoice.objects.get(organisation=org_b)
    real_send = tasks._send

    def refuse_oldham(invoice_id, template, extra):
        if invoice_id == oldham.pk:
            raise OSError("550 mailbox unavailable")
        return real_send(invoice_id, template, extra)

    monkeypatch.setattr(tasks, "_send", refuse_oldham)
    with pytest.raises(RuntimeError, match="1 of 2 invoices could not be emailed"):
        tasks.send_invoice_emails.call(invoice_ids=[oldham.pk, kirklees.pk])
    oldham.refresh_from_db()
    kirklees.refresh_from_db()
    assert oldham.sent_at is None
    assert oldham.sent_to == ""
    assert kirklees.sent_to == "invoices@kirklees.example"
    # Sent again (the task retried), only the one not yet emailed is sent.
    monkeypatch.setattr(tasks, "_send", real_send)
    sent_at = kirklees.sent_at
    tasks.send_invoice_emails.call(invoice_ids=[oldham.pk, kirklees.pk])
    oldham.refresh_from_db()
    kirklees.refresh_from_db()
    assert oldham.sent_to == "invoices@oldham.example"
    assert kirklees.sent_at == sent_at


def test_no_email_until_the_transaction_commits(
    schedules, members, invoice_contact_a, finance_officer, mailoutbox
):
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    assert mailoutbox == []


def test_the_first_invoice_also_needs_the_body_address_and_payment_details(
    schedules, org_a, finance_settings, finance_officer
):
    finance_settings.payment_instructions = ""
    finance_settings.body_address = ""
    finance_settings.save()
    membership = org_a.memberships.get()
    with pytest.raises(FinanceError, match="Accountable Body's address and payment details"):
        invoice_raise_first(membership=membership, on=RUN_DATE, by=finance_officer)
    assert not Invoice.objects.exists()
    assert not NumberCounter.objects.filter(last_number__gt=0).exists()


@pytest.mark.parametrize(("ends", "emailed"), [(0, True), (-1, False)])
def test_an_invoice_contact_whose_role_ends_today_still_receives_todays_invoice(
    schedules,
    org_a,
    finance_officer,
    mailoutbox,
    django_capture_on_commit_callbacks,
    ends,
    emailed,
):
    """The period rule: an end date is the last day a role holds, so a role whose end date is
    today is today's invoice contact, and one that ended yesterday is not."""
    today = timezone.localdate()
    person = PersonFactory(email="leaving@oldham.example")
    RoleFactory(
        person=person,
        organisation=org_a,
        kind=RoleKind.INVOICE_CONTACT,
        start=date(2020, 1, 1),
        end=today + timedelta(days=ends),
    )
    with django_capture_on_commit_callbacks(execute=True):
        invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    sent = [m.to for m in mailoutbox]
    assert (["leaving@oldham.example"] in sent) is emailed
