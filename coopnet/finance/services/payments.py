"""What happens after an invoice is raised: payments, credit notes, purchase orders, reminders,
and ending a lapsed member's membership by an explicit staff decision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.members.errors import MembersError
from coopnet.members.models import Membership, Organisation
from coopnet.members.services import membership_end

from .. import selectors, tasks
from ..errors import FinanceError
from ..models import CreditNote, FinanceSettings, Invoice, Payment, PurchaseOrder, Reminder
from ..models.money import PENNY, ZERO
from .common import queue, require
from .invoicing import next_number

CREDIT_NOTE_SEQUENCE = "credit_note"


def clean_amount(value: object) -> Decimal:
    """A positive amount in pounds with at most two decimal places, or a clear refusal."""
    try:
        amount = Decimal(str(value).strip().lstrip("£").replace(",", ""))
    except (InvalidOperation, ValueError):
        raise FinanceError(_("Enter the amount in pounds and pence, like 250.00.")) from None
    if not amount.is_finite():
        raise FinanceError(_("Enter the amount in pounds and pence, like 250.00."))
    if amount != amount.quantize(PENNY):
        raise FinanceError(_("Amounts are in pounds and pence: no more than two decimal places."))
    if amount <= ZERO:
        raise FinanceError(_("Enter an amount of at least £0.01."))
    if amount >= Decimal("10000000000"):
        raise FinanceError(_("That amount is too large."))
    return amount.quantize(PENNY)


def _locked_balance(invoice: Invoice) -> selectors.Balance:
    Invoice.objects.select_for_update().filter(pk=invoice.pk).first()
    return selectors.balance_of(invoice)


@transaction.atomic
def payment_record(
    *, invoice: Invoice, received_on: date, amount: object, reference: str, by: User
) -> Payment:
    require(by, "finance.record_payments")
    value = clean_amount(amount)
    if received_on > timezone.localdate():
        raise FinanceError(_("The date received cannot be in the future."))
    if received_on < invoice.issued_on:
        raise FinanceError(_("A payment cannot be received before the invoice date."))
    balance = _locked_balance(invoice)
    if balance.outstanding == ZERO:
        raise FinanceError(_("Nothing is owed on this invoice."))
    if value > balance.outstanding:
        raise FinanceError(
            _("That is more than the £%(owed)s still owed on this invoice.")
            % {"owed": balance.outstanding}
        )
    return Payment.objects.create(
        invoice=invoice,
        received_on=received_on,
        amount=value,
        reference=reference.strip()[:100],
        recorded_by=by,
    )


@transaction.atomic
def credit_note_issue(
    *, invoice: Invoice, amount: object, reason: str, on: date, by: User
) -> CreditNote:
    """Cancel all or part of what is still owed on an invoice."""
    require(by, "finance.record_payments")
    value = clean_amount(amount)
    if not reason.strip():
        raise FinanceError(_("Give the reason for the credit note."))
    if on < invoice.issued_on:
        raise FinanceError(_("A credit note cannot be dated before its invoice."))
    balance = _locked_balance(invoice)
    if balance.outstanding == ZERO:
        raise FinanceError(_("Nothing is owed on this invoice, so there is nothing to credit."))
    if value > balance.outstanding:
        raise FinanceError(
            _("A credit note cannot be more than the £%(owed)s still owed.")
            % {"owed": balance.outstanding}
        )
    config = FinanceSettings.current()
    number = next_number(CREDIT_NOTE_SEQUENCE)
    note = CreditNote.objects.create(
        number=number,
        reference=f"{config.credit_note_prefix}{number:05d}",
        invoice=invoice,
        issued_on=on,
        amount=value,
        reason=reason.strip()[:300],
        created_by=by,
    )
    return note


@transaction.atomic
def purchase_order_set(
    *, organisation: Organisation, year: int, reference: str, by: User
) -> PurchaseOrder | None:
    """Record (or clear) the member's purchase-order reference for a year. Invoices of that year
    not yet paid or credited carry the new reference."""
    require(by, "finance.set_purchase_order", organisation)
    reference = reference.strip()
    if len(reference) > 60:
        raise FinanceError(_("A purchase order reference is at most 60 characters."))
    still_owed = selectors.invoices_with_balances().filter(
        Q(outstanding__gt=0), organisation=organisation, year=year
    )
    Invoice.objects.filter(pk__in=list(still_owed.values_list("pk", flat=True))).update(
        purchase_order=reference
    )
    if not reference:
        PurchaseOrder.objects.filter(organisation=organisation, year=year).delete()
        return None
    po, _created = PurchaseOrder.objects.update_or_create(
        organisation=organisation, year=year, defaults={"reference": reference}
    )
    return po


def reminders_send(*, on: date | None = None) -> list[Reminder]:
    """Send the reminders that are due today: for each unpaid invoice, the latest configured day
    after its due date that it has reached, unless that reminder (or a later one) was sent."""
    on = on or timezone.localdate()
    days = sorted(FinanceSettings.current().reminder_days or [])
    if not days:
        return []
    sent: list[Reminder] = []
    for invoice in selectors.unpaid_invoices(on).prefetch_related("reminders"):
        overdue_by = (on - invoice.due_on).days
        reached = [d for d in days if d <= overdue_by]
        if not reached:
            continue
        stage = reached[-1]
        if any(r.days_after_due >= stage for r in invoice.reminders.all()):
            continue
        reminder = _reminder_record(invoice=invoice, stage=stage, on=on)
        if reminder is not None:
            sent.append(reminder)
    return sent


@transaction.atomic
def _reminder_record(*, invoice: Invoice, stage: int, on: date) -> Reminder | None:
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                invoice=invoice,
                days_after_due=stage,
                sent_on=on,
                sent_to=", ".join(selectors.invoice_recipients(invoice)),
            )
    except IntegrityError:  # another worker sent it first
        return None
    queue(tasks.send_reminder_email, reminder_id=reminder.pk)
    return reminder


@transaction.atomic
def lapsed_membership_end(
    *, membership: Membership, end: date, reason: str, by: User
) -> Membership:
    """End a lapsed-pending member's membership: a staff decision, recorded with its reason."""
    require(by, "finance.end_lapsed_membership")
    today = timezone.localdate()
    if not selectors.lapsed_pending(today).filter(pk=membership.pk).exists():
        raise FinanceError(
            _("This membership is not lapsed-pending: no invoice is unpaid long enough.")
        )
    if not reason.strip():
        raise FinanceError(_("Give the reason for ending the membership."))
    if end > today:
        raise FinanceError(_("The end date cannot be in the future."))
    try:
        return membership_end(membership=membership, end=end, reason=reason.strip(), by=by)
    except MembersError as exc:
        raise FinanceError(str(exc)) from exc
