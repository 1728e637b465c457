"""After the run: payments, credit notes, statuses, reminders, debtors and lapsed-pending."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.guard import Refused
from coopnet.finance import selectors
from coopnet.finance.errors import FinanceError
from coopnet.finance.models import Invoice, Payment, Reminder
from coopnet.finance.services import (
    credit_note_issue,
    invoice_run_confirm,
    lapsed_membership_end,
    payment_record,
    payment_reverse,
    reminders_send,
)
from coopnet.members.models import Membership

from .conftest import RUN_DATE, YEAR

pytestmark = pytest.mark.django_db
JOB = System("send_invoice_reminders")


@pytest.fixture
def invoice(schedules, org_a, finance_officer) -> Invoice:
    invoice_run_confirm(year=YEAR, on=RUN_DATE, by=finance_officer)
    return Invoice.objects.get(organisation=org_a)


def pay(
    invoice: Invoice,
    amount: str,
    *,
    by,
    on: date = date(2024, 9, 20),
    reference: str = "",
    again: bool = False,
):
    return payment_record(
        invoice=invoice, received_on=on, amount=amount, reference=reference, by=by, again=again
    )


def credit(invoice: Invoice, amount: str, *, by, on: date = date(2024, 9, 5), reason: str = "x"):
    return credit_note_issue(invoice=invoice, amount=amount, reason=reason, on=on, by=by)


def status_of(invoice: Invoice, today: date | None = None) -> str:
    qs = selectors.with_balances(Invoice.objects.filter(pk=invoice.pk), today)
    return str(qs.values_list("status", flat=True).get())  # type: ignore[misc]


def test_statuses_follow_payments_and_due_date(invoice, finance_officer):
    assert status_of(invoice, date(2024, 9, 10)) == "issued"
    assert status_of(invoice, date(2024, 10, 3)) == "overdue"
    pay(invoice, "1000.00", by=finance_officer, on=date(2024, 9, 20), reference="BACS 1")
    assert status_of(invoice, date(2024, 9, 21)) == "part_paid"
    assert status_of(invoice, date(2024, 10, 3)) == "overdue"
    pay(invoice, "2500.00", by=finance_officer, on=date(2024, 9, 25), reference="BACS 2")
    assert status_of(invoice, date(2024, 10, 3)) == "paid"
    assert selectors.balance_of(invoice).outstanding == Decimal("0.00")


def test_a_credit_note_cancels_the_invoice(invoice, finance_officer):
    note = credit(
        invoice,
        "3500.00",
        by=finance_officer,
        on=date(2024, 9, 5),
        reason="Left before the year began",
    )
    assert note.reference == "CN-00001"
    assert status_of(invoice, date(2025, 1, 1)) == "credited"
    with pytest.raises(FinanceError, match="Nothing is owed"):
        pay(invoice, "1.00", by=finance_officer, on=date(2024, 9, 6))


def test_part_credit_leaves_the_rest_owed(invoice, finance_officer):
    credit(invoice, "500.00", by=finance_officer, on=date(2024, 9, 5), reason="Agreed reduction")
    assert selectors.balance_of(invoice).outstanding == Decimal("3000.00")
    with pytest.raises(FinanceError, match=r"more than the £3,000\.00 still owed"):
        credit(invoice, "3000.01", by=finance_officer, on=date(2024, 9, 5))


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "at least £0.01"),
        ("0", "at least £0.01"),
        # One money parser for every money field: its message says what to type.
        ("12.345", "pounds and pence"),
        ("ten pounds", "pounds and pence"),
        ("NaN", "pounds and pence"),
        ("3500.01", r"more than the £3,500\.00 still owed"),
    ],
)
def test_bad_payment_amounts_are_refused(invoice, finance_officer, amount, message):
    with pytest.raises(FinanceError, match=message):
        pay(invoice, amount, by=finance_officer)
    assert not Payment.objects.exists()


def test_payment_dates_are_checked(invoice, finance_officer):
    with pytest.raises(FinanceError, match="cannot be in the future"):
        pay(invoice, "1.00", by=finance_officer, on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(FinanceError, match="before the invoice date"):
        pay(invoice, "1.00", by=finance_officer, on=date(2024, 9, 1))


def test_credit_note_needs_a_reason(invoice, finance_officer):
    with pytest.raises(FinanceError, match="reason"):
        credit(invoice, "1.00", by=finance_officer, on=date(2024, 9, 5), reason="  ")


@pytest.mark.parametrize("who", ["officer_a", "board_member"])
def test_only_finance_staff_record_payments_and_credits(request, invoice, who):
    user = request.getfixturevalue(who)
    with pytest.raises(Refused):
        pay(invoice, "1.00", by=user)
    with pytest.raises(Refused):
        credit(invoice, "1.00", by=user, on=date(2024, 9, 20))


def test_reminders_are_sent_once_each(
    invoice, invoice_contact_a, mailoutbox, django_capture_on_commit_callbacks
):
    due = invoice.due_on  # reminders configured at 7 and 30 days after
    assert reminders_send(on=due + timedelta(days=6), by=JOB) == []
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders_send(on=due + timedelta(days=7), by=JOB)
    assert [(r.invoice, r.days_after_due) for r in sent] == [(invoice, 7)]
    assert mailoutbox[-1].to == ["invoices@oldham.example"]
    assert "Reminder" in mailoutbox[-1].subject
    assert reminders_send(on=due + timedelta(days=8), by=JOB) == []  # never twice
    assert [r.days_after_due for r in reminders_send(on=due + timedelta(days=31), by=JOB)] == [30]
    assert Reminder.objects.count() == 2


def test_a_late_first_reminder_sends_only_the_latest_stage(invoice):
    sent = reminders_send(on=invoice.due_on + timedelta(days=45), by=JOB)
    assert [r.days_after_due for r in sent] == [30]
    assert reminders_send(on=invoice.due_on + timedelta(days=46), by=JOB) == []


def test_paid_invoices_get_no_reminder(invoice, finance_officer):
    pay(invoice, "3500.00", by=finance_officer)
    assert reminders_send(on=invoice.due_on + timedelta(days=7), by=JOB) == []


def test_reminder_command(invoice, capsys):
    day = (invoice.due_on + timedelta(days=7)).isoformat()
    call_command("send_invoice_reminders", "--date", day)
    assert "1 reminder(s) sent." in capsys.readouterr().out
    call_command("send_invoice_reminders", "--date", day)
    assert "0 reminder(s) sent." in capsys.readouterr().out


def test_lapsed_pending_after_n_days_and_ended_only_by_decision(
    invoice, network_admin, finance_settings
):
    membership = invoice.membership
    lapse_on = invoice.due_on + timedelta(days=finance_settings.lapse_days)
    assert not selectors.lapsed_pending(lapse_on).filter(pk=membership.pk).exists()
    later = lapse_on + timedelta(days=1)
    assert selectors.lapsed_pending(later).filter(pk=membership.pk).exists()
    # Nothing ends by itself.
    membership.refresh_from_db()
    assert membership.end is None


def test_staff_end_a_lapsed_membership(invoice, network_admin, finance_settings):
    finance_settings.lapse_days = 1
    finance_settings.save()
    membership = invoice.membership
    ended = lapsed_membership_end(
        membership=membership,
        end=timezone.localdate(),
        reason="Unpaid 2024/25 fee",
        by=network_admin,
    )
    assert ended.end == timezone.localdate()
    assert Membership.objects.get(pk=membership.pk).end_reason == "Unpaid 2024/25 fee"


def test_ending_is_refused_when_not_lapsed_or_not_allowed(
    invoice, network_admin, finance_officer, finance_settings
):
    membership = invoice.membership
    with pytest.raises(Refused):
        lapsed_membership_end(
            membership=membership, end=timezone.localdate(), reason="x", by=finance_officer
        )
    pay(invoice, "3500.00", by=finance_officer)
    with pytest.raises(FinanceError, match="not lapsed-pending"):
        lapsed_membership_end(
            membership=membership, end=timezone.localdate(), reason="x", by=network_admin
        )


def test_debtors_are_aged_by_days_past_due(org_b, invoice, finance_officer):
    other = Invoice.objects.get(organisation=org_b)
    pay(other, "500.00", by=finance_officer)
    report = selectors.debtors(invoice.due_on + timedelta(days=45))
    assert [row.band for row in report.rows] == ["31_60", "31_60"]
    assert report.totals["31_60"] == Decimal("6500.00")
    assert report.total == Decimal("6500.00")


def test_income_received_by_category_for_the_budget(invoice, finance_officer):
    pay(invoice, "1000.00", by=finance_officer)
    income = selectors.income_received(YEAR)
    assert income["full"] == Decimal("1000.00")
    assert income["associate"] == Decimal("0.00")
    assert selectors.income_received(YEAR + 1)["full"] == Decimal("0.00")


def test_a_payment_keyed_twice_is_reversed_keeping_its_history(
    invoice_for_reversal, finance_officer
):
    invoice, _first, second = invoice_for_reversal
    assert selectors.balance_of(invoice).paid == Decimal("2000.00")
    with pytest.raises(FinanceError, match="Give the reason"):
        payment_reverse(payment=second, reason=" ", by=finance_officer)
    payment_reverse(payment=second, reason="Keyed twice", by=finance_officer)
    second.refresh_from_db()
    assert second.is_reversed
    assert second.reversal_reason == "Keyed twice"
    assert second.reversed_by == finance_officer
    assert Payment.objects.filter(invoice=invoice).count() == 2  # kept, not deleted
    assert selectors.balance_of(invoice).paid == Decimal("1000.00")
    assert [h.reversal_reason for h in second.history.order_by("history_id")] == ["", "Keyed twice"]
    with pytest.raises(FinanceError, match="already been reversed"):
        payment_reverse(payment=second, reason="Again", by=finance_officer)


@pytest.mark.parametrize("who", ["network_admin", "officer_a", "board_member"])
def test_only_finance_officers_reverse_payments(request, invoice_for_reversal, who):
    _invoice, first, _second = invoice_for_reversal
    with pytest.raises(Refused):
        payment_reverse(payment=first, reason="x", by=request.getfixturevalue(who))
    first.refresh_from_db()
    assert not first.is_reversed


@pytest.fixture
def invoice_for_reversal(invoice, finance_officer):
    first = pay(invoice, "1000.00", by=finance_officer, reference="BACS 1")
    second = pay(invoice, "1000.00", by=finance_officer, reference="BACS 1", again=True)
    return invoice, first, second


def test_the_same_payment_twice_is_refused_until_confirmed(invoice, finance_officer):
    pay(invoice, "100.00", by=finance_officer, reference="BACS 9")
    with pytest.raises(FinanceError) as refused:
        pay(invoice, "100.00", by=finance_officer, reference="BACS 9")
    assert refused.value.code == "duplicate"
    assert invoice.payments.count() == 1
    # A different reference, amount or date is another payment, recorded without a question.
    pay(invoice, "100.00", by=finance_officer, reference="BACS 10")
    pay(invoice, "100.00", by=finance_officer, reference="BACS 9", again=True)
    assert invoice.payments.count() == 3
