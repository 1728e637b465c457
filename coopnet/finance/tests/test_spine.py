"""Finance on the spine: one money parser, one guard, one domain error, one audit trail.

Each test here failed on the code before the spine: `amount=1e309` was a 500, "1,00" was £100,
a refusal raised by a service was a `PermissionError` (500) unless the view caught it, `by=None`
meant the system, and writes by commands and tasks were not attributed.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.audit import AuditEntry, audit_trail_for
from coopnet.core.errors import DomainError
from coopnet.core.guard import Refused
from coopnet.demo.loader import LoadSummary
from coopnet.finance import demo, selectors, tasks
from coopnet.finance.errors import FinanceError
from coopnet.finance.models import CreditNote, FeeSchedule, Invoice, Payment
from coopnet.finance.services import (
    credit_note_issue,
    fee_schedule_set,
    invoice_run_confirm,
    payment_record,
    reminders_send,
)
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory, category

from .conftest import RUN_DATE, YEAR
from .factories import FeeScheduleFactory, InvoiceFactory, PaymentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(schedules, org_a, finance_officer) -> Invoice:
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    return Invoice.objects.get(organisation=org_a)


# --- one money parser ----------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1e309", "1e5", "abc", "1,00", "NaN", "Infinity", "-1e309"])
@pytest.mark.parametrize("url_name", ["finance:payment_add", "finance:credit_note_add"])
def test_an_amount_that_is_not_pounds_and_pence_is_a_form_error(
    client, invoice, finance_officer, url_name, amount
):
    client.force_login(finance_officer)
    response = client.post(
        reverse(url_name, args=[invoice.reference]),
        {"received_on": "2024-09-20", "issued_on": "2024-09-20", "amount": amount, "reason": "x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter an amount" in html
    assert not Payment.objects.exists()
    assert not CreditNote.objects.exists()


def test_pounds_with_a_sign_and_thousands_are_read(client, invoice, finance_officer):
    client.force_login(finance_officer)
    response = client.post(
        reverse("finance:payment_add", args=[invoice.reference]),
        {"received_on": "2024-09-20", "amount": "£1,000.50", "reference": "BACS"},
    )
    assert response.status_code == 302
    assert Payment.objects.get().amount == Decimal("1000.50")


def test_the_services_read_amounts_with_the_same_parser(invoice, finance_officer):
    for text in ("1e309", "1,00", "1e5"):
        with pytest.raises(FinanceError, match="pounds and pence") as excinfo:
            payment_record(
                invoice=invoice,
                received_on=date(2024, 9, 20),
                amount=text,
                reference="",
                by=finance_officer,
            )
        assert excinfo.value.field == "amount"
    assert not Payment.objects.exists()


def test_the_fee_back_office_reads_money_with_the_one_parser(client, finance_officer):
    client.force_login(finance_officer)
    response = client.post(
        reverse("admin:finance_feeschedule_add"),
        {
            "year": "2030",
            "category": category("full").pk,
            "amount": "1e309",
            "source": "",
            "bands-TOTAL_FORMS": "0",
            "bands-INITIAL_FORMS": "0",
            "fixed_fees-TOTAL_FORMS": "0",
            "fixed_fees-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Enter an amount" in response.content.decode()
    assert not FeeSchedule.objects.filter(year=2030).exists()


def test_a_fee_schedule_saved_in_the_back_office_is_audited(client, finance_officer):
    client.force_login(finance_officer)
    response = client.post(
        reverse("admin:finance_feeschedule_add"),
        {
            "year": "2030",
            "category": category("full").pk,
            "amount": "£3,750.00",
            "source": "Board decision",
            "bands-TOTAL_FORMS": "0",
            "bands-INITIAL_FORMS": "0",
            "fixed_fees-TOTAL_FORMS": "0",
            "fixed_fees-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    schedule = FeeSchedule.objects.get(year=2030)
    assert schedule.amount == Decimal("3750.00")
    entry = audit_trail_for(schedule).get()
    assert entry.action == "fee_schedule.created"
    assert entry.user == finance_officer
    assert "£3,750.00" in entry.summary


def test_a_fee_changed_in_the_back_office_is_audited_with_what_it_was(client, finance_officer):
    schedule = FeeScheduleFactory(year=2030, amount=Decimal("3500.00"))
    client.force_login(finance_officer)
    response = client.post(
        reverse("admin:finance_feeschedule_change", args=[schedule.pk]),
        {
            "year": "2030",
            "category": schedule.category_id,
            "amount": "3,600",
            "source": "Board decision",
            "bands-TOTAL_FORMS": "0",
            "bands-INITIAL_FORMS": "0",
            "fixed_fees-TOTAL_FORMS": "0",
            "fixed_fees-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    entry = audit_trail_for(schedule).get()
    assert entry.action == "fee_schedule.changed"
    assert entry.changes == {"amount": "3600.00", "before": "3500.00"}
    assert schedule.history.first().history_user == finance_officer


# --- one guard: refusals are 403 wherever they are raised ----------------------------------------


def test_a_refusal_raised_by_a_service_is_a_403_even_when_the_view_does_not_check(
    client, invoice, officer_a, monkeypatch
):
    """A view that forgot its own check: the service's guard still answers 403 (was a 500)."""
    monkeypatch.setattr("coopnet.finance.views.staff.require", lambda *a, **k: None)
    monkeypatch.setattr("coopnet.finance.views.common.require", lambda *a, **k: None)
    client.force_login(officer_a)
    response = client.post(
        reverse("finance:payment_add", args=[invoice.reference]),
        {"received_on": "2024-09-20", "amount": "10.00"},
    )
    assert response.status_code == 403
    assert not Payment.objects.exists()


@pytest.mark.parametrize("who", ["officer_a", "board_member", "supporter"])
def test_the_payment_page_refuses_those_who_may_not_record_payments(request, client, invoice, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("finance:payment_add", args=[invoice.reference])
    assert client.get(url).status_code == 403
    assert client.post(url, {"received_on": "2024-09-20", "amount": "10.00"}).status_code == 403
    assert not Payment.objects.exists()


def test_nobody_is_the_system_by_omission(invoice):
    with pytest.raises(TypeError):
        payment_record(
            invoice=invoice, received_on=date(2024, 9, 20), amount="1.00", reference="", by=None
        )
    with pytest.raises(TypeError):
        reminders_send(by=None)
    assert not Payment.objects.exists()


def test_a_service_refusal_is_refused_not_a_python_permission_error(invoice, officer_a):
    with pytest.raises(Refused):
        credit_note_issue(
            invoice=invoice, amount="1.00", reason="x", on=date(2024, 9, 5), by=officer_a
        )


def test_finance_errors_are_domain_errors():
    assert issubclass(FinanceError, DomainError)


# --- the rule for who looks after an organisation's invoices -------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2020, 1, 1), timezone.localdate() - timedelta(days=1)),  # ended yesterday
        (timezone.localdate() + timedelta(days=1), None),  # starts tomorrow
    ],
)
def test_an_invoice_contact_out_of_role_sees_no_invoices(client, invoice, org_a, start, end):
    user = UserFactory(roles=["member_officer"])
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(
        person=person, organisation=org_a, kind=RoleKind.INVOICE_CONTACT, start=start, end=end
    )
    client.force_login(user)
    assert (
        client.get(reverse("finance:invoice_detail", args=[invoice.reference])).status_code == 403
    )
    assert invoice.reference not in client.get(reverse("finance:my_invoices")).content.decode()
    assert client.get(reverse("finance:purchase_order", args=[org_a.slug])).status_code == 403


def test_an_invoice_contact_in_role_sees_the_invoice(client, invoice, invoice_contact_a):
    client.force_login(invoice_contact_a)
    assert (
        client.get(reverse("finance:invoice_detail", args=[invoice.reference])).status_code == 200
    )


# --- one audit trail -----------------------------------------------------------------------------


def test_a_payment_recorded_by_a_system_job_is_attributed_to_it(invoice):
    job = System("bank_feed")
    payment = payment_record(
        invoice=invoice, received_on=date(2024, 9, 20), amount="250.00", reference="X", by=job
    )
    assert payment.recorded_by is None
    history = payment.history.get()
    assert history.history_user is None  # no person did it ...
    entry = audit_trail_for(payment).get()
    assert entry.system_job == "bank_feed"  # ... the trail names the job
    assert entry.action == "payment.recorded"
    assert entry.actor_label == "System (bank_feed)"
    assert entry in audit_trail_for(invoice.organisation)


def test_a_payment_recorded_by_a_person_is_attributed_outside_a_request(invoice, finance_officer):
    payment = payment_record(
        invoice=invoice,
        received_on=date(2024, 9, 20),
        amount="250.00",
        reference="X",
        by=finance_officer,
    )
    assert payment.history.get().history_user == finance_officer
    entry = audit_trail_for(payment).get()
    assert entry.user == finance_officer
    assert "£250.00" in entry.summary
    assert entry in audit_trail_for(invoice.organisation)


def test_the_run_and_each_invoice_it_raises_are_in_the_audit_trail(invoice, org_a, finance_officer):
    actions = set(audit_trail_for(org_a).values_list("action", flat=True))
    assert "invoice.raised" in actions
    run = invoice.run
    assert run is not None
    entry = audit_trail_for(run).get(action="invoice_run.confirmed")
    assert entry.user == finance_officer
    assert invoice.history.first().history_user == finance_officer


def test_reminders_sent_by_the_command_are_attributed_to_it(invoice):
    day = invoice.due_on + timedelta(days=8)
    call_command("send_invoice_reminders", date=day.isoformat())
    entry = audit_trail_for(invoice).get(action="invoice.reminder_sent")
    assert entry.system_job == "send_invoice_reminders"
    assert entry.user is None


def test_the_invoice_email_task_is_attributed_to_its_job(invoice, invoice_contact_a):
    mail.outbox.clear()
    tasks.send_invoice_email.call(invoice_id=invoice.pk)
    assert mail.outbox
    entry = audit_trail_for(invoice).get(action="invoice.emailed")
    assert entry.system_job == "invoice_emails"
    invoice.refresh_from_db()
    assert invoice.sent_to


def test_the_demo_loader_writes_fees_as_its_job(db):
    demo.load(LoadSummary())
    schedule = FeeSchedule.objects.get(year=2022, category=category("full"))
    assert audit_trail_for(schedule).get().system_job == "load_demo"
    demo.load(LoadSummary())  # idempotent: nothing written twice
    assert audit_trail_for(schedule).count() == 1


def test_fee_schedule_set_is_refused_to_members(officer_a):
    with pytest.raises(Refused):
        fee_schedule_set(year=2030, category=category("full"), amount="1.00", by=officer_a)
    assert not AuditEntry.objects.exists()


# --- factories -----------------------------------------------------------------------------------


def test_the_factories_build_a_paid_invoice(finance_officer):
    FeeScheduleFactory()
    paid = InvoiceFactory(net_amount=Decimal("250.00"))
    PaymentFactory(invoice=paid, amount=Decimal("250.00"))
    assert selectors.balance_of(paid).outstanding == Decimal("0.00")
