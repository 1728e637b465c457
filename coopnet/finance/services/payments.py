"""What happens after an invoice is raised: payments, credit notes, purchase orders, reminders,
and ending a lapsed member's membership by an explicit staff decision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label
from coopnet.core.money import ZERO, format_money
from coopnet.core.submissions import claim
from coopnet.members.errors import MembersError
from coopnet.members.models import Membership, Organisation
from coopnet.members.services import membership_end

from .. import selectors, tasks
from ..errors import FinanceError
from ..models import CreditNote, FinanceSettings, Invoice, Payment, PurchaseOrder, Reminder
from .common import checked_amount, queue
from .invoicing import next_number

CREDIT_NOTE_SEQUENCE = "credit_note"


def clean_amount(value: Decimal | str, *, field: str = "amount") -> Decimal:
    """A positive amount in pounds and pence (the one money parser), or a clear refusal."""
    amount = checked_amount(value, field=field, allow_negative=True)
    if amount <= ZERO:
        raise FinanceError(_("Enter an amount of at least £0.01."), field=field)
    return amount


def _locked_balance(invoice: Invoice) -> selectors.Balance:
    Invoice.objects.select_for_update(of=("self",)).filter(pk=invoice.pk).first()
    return selectors.balance_of(invoice)


def _concerned(invoice: Invoice) -> list[Model | None]:
    """The records an invoice's audit entries concern besides it: its member."""
    return [invoice.organisation, invoice.person]


@transaction.atomic
def payment_record(
    *,
    invoice: Invoice,
    received_on: date,
    amount: Decimal | str,
    reference: str,
    by: Actor,
    submission_key: str = "",
    again: bool = False,
) -> Payment:
    """Record money received against an invoice. The same form sent twice records it once
    (`submission_key`); a payment with the same amount, date and reference as one already
    recorded against the invoice is refused until the person says it is a second one (`again`).
    """
    require(by, "finance.record_payments")
    claim(submission_key, "finance.payment")
    value = clean_amount(amount)
    reference = reference.strip()[:100]
    if received_on > timezone.localdate():
        raise FinanceError(_("The date received cannot be in the future."), field="received_on")
    if received_on < invoice.issued_on:
        raise FinanceError(
            _("A payment cannot be received before the invoice date."), field="received_on"
        )
    balance = _locked_balance(invoice)
    if balance.outstanding == ZERO:
        raise FinanceError(_("Nothing is owed on this invoice."))
    same = invoice.payments.filter(
        reversed_at__isnull=True,
        amount=value,
        received_on=received_on,
        reference=reference,
    )
    if not again and same.exists():
        raise FinanceError(
            _(
                "A payment of %(amount)s received on %(date)s with this reference is already "
                "recorded against this invoice. If this is a second payment, tick the box to "
                "record it again."
            )
            % {"amount": format_money(value), "date": date_format(received_on, "j F Y")},
            field="again",
            code="duplicate",
        )
    if value > balance.outstanding:
        raise FinanceError(
            _("That is more than the %(owed)s still owed on this invoice.")
            % {"owed": format_money(balance.outstanding)},
            field="amount",
        )
    with acting_as(by):
        payment = Payment.objects.create(
            invoice=invoice,
            received_on=received_on,
            amount=value,
            reference=reference,
            recorded_by=user_of(by),
        )
        audit_record(
            by=by,
            action="payment.recorded",
            target=payment,
            summary=_("Payment of %(amount)s recorded against %(invoice)s")
            % {"amount": format_money(value), "invoice": invoice.reference},
            about=[invoice, *_concerned(invoice)],
            changes={"amount": str(value), "received_on": received_on.isoformat()},
        )
    return payment


@transaction.atomic
def payment_reverse(*, payment: Payment, reason: str, by: Actor) -> Payment:
    """Reverse a payment keyed by mistake (twice, or against the wrong invoice). The payment is
    kept, marked as reversed with who, when and why; it no longer counts towards what has been
    paid, so the invoice's balance owes it again. Finance officers only."""
    require(by, "finance.reverse_payments")
    if not reason.strip():
        raise FinanceError(_("Give the reason for reversing the payment."), field="reason")
    _locked_balance(payment.invoice)
    payment = Payment.objects.select_for_update(of=("self",)).get(pk=payment.pk)
    if payment.is_reversed:
        raise FinanceError(_("This payment has already been reversed."))
    payment.reversed_at = timezone.now()
    payment.reversed_by = user_of(by)
    payment.reversal_reason = reason.strip()
    with acting_as(by):
        payment.save(update_fields=["reversed_at", "reversed_by", "reversal_reason"])
        invoice = payment.invoice
        audit_record(
            by=by,
            action="payment.reversed",
            target=payment,
            summary=_("Payment of %(amount)s against %(invoice)s reversed")
            % {"amount": format_money(payment.amount), "invoice": invoice.reference},
            reason=payment.reversal_reason,
            about=[invoice, *_concerned(invoice)],
            changes={"amount": str(payment.amount), "received_on": payment.received_on.isoformat()},
        )
    return payment


@transaction.atomic
def credit_note_issue(
    *,
    invoice: Invoice,
    amount: Decimal | str,
    reason: str,
    on: date,
    by: Actor,
    submission_key: str = "",
) -> CreditNote:
    """Cancel all or part of what is still owed on an invoice (once for one form sent)."""
    require(by, "finance.record_payments")
    claim(submission_key, "finance.credit_note")
    value = clean_amount(amount)
    if not reason.strip():
        raise FinanceError(_("Give the reason for the credit note."), field="reason")
    if on < invoice.issued_on:
        raise FinanceError(
            _("A credit note cannot be dated before its invoice."), field="issued_on"
        )
    balance = _locked_balance(invoice)
    if balance.outstanding == ZERO:
        raise FinanceError(_("Nothing is owed on this invoice, so there is nothing to credit."))
    if value > balance.outstanding:
        raise FinanceError(
            _("A credit note cannot be more than the %(owed)s still owed.")
            % {"owed": format_money(balance.outstanding)},
            field="amount",
        )
    config = FinanceSettings.current()
    number = next_number(CREDIT_NOTE_SEQUENCE)
    with acting_as(by):
        note = CreditNote.objects.create(
            number=number,
            reference=f"{config.credit_note_prefix}{number:05d}",
            invoice=invoice,
            issued_on=on,
            amount=value,
            reason=reason.strip()[:300],
            created_by=user_of(by),
        )
        audit_record(
            by=by,
            action="credit_note.issued",
            target=note,
            summary=_("Credit note %(number)s for %(amount)s issued against %(invoice)s")
            % {
                "number": note.reference,
                "amount": format_money(value),
                "invoice": invoice.reference,
            },
            about=[invoice, *_concerned(invoice)],
            reason=note.reason,
            changes={"amount": str(value), "issued_on": on.isoformat()},
        )
    return note


@transaction.atomic
def purchase_order_set(
    *, organisation: Organisation, year: int, reference: str, by: Actor
) -> PurchaseOrder | None:
    """Record (or clear) the member's purchase-order reference for a year. Invoices of that year
    not yet paid or credited carry the new reference."""
    require(by, "finance.set_purchase_order", organisation)
    reference = reference.strip()
    if len(reference) > 60:
        raise FinanceError(
            _("A purchase order reference is at most 60 characters."), field="reference"
        )
    still_owed = selectors.invoices_with_balances().filter(
        Q(outstanding__gt=0), organisation=organisation, year=year
    )
    with acting_as(by):
        # Saved one by one (a member has one or two invoices a year) so each keeps its field
        # history; invoices are on no public page, so no public page can go stale.
        for open_invoice in Invoice.objects.filter(
            pk__in=list(still_owed.values_list("pk", flat=True))
        ):
            open_invoice.purchase_order = reference
            open_invoice.save(update_fields=["purchase_order"])
        po: PurchaseOrder | None = None
        if not reference:
            PurchaseOrder.objects.filter(organisation=organisation, year=year).delete()
        else:
            po, _created = PurchaseOrder.objects.update_or_create(
                organisation=organisation, year=year, defaults={"reference": reference}
            )
        audit_record(
            by=by,
            action="purchase_order.set" if reference else "purchase_order.cleared",
            target=po or organisation,
            summary=(
                _("Purchase order for %(year)s set to %(reference)s")
                if reference
                else _("Purchase order for %(year)s removed")
            )
            % {"year": year_label(year), "reference": reference},
            about=[organisation],
            changes={"year": year, "reference": reference},
        )
    return po


def reminders_send(*, on: date | None = None, by: Actor) -> list[Reminder]:
    """Send the reminders that are due today: for each unpaid invoice, the latest configured day
    after its due date that it has reached, unless that reminder (or a later one) was sent.

    `by` is the job sending them (the command acts as `System("send_invoice_reminders")`)."""
    require(by, "finance.record_payments")
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
        reminder = _reminder_record(invoice=invoice, stage=stage, on=on, by=by)
        if reminder is not None:
            sent.append(reminder)
    return sent


@transaction.atomic
def _reminder_record(*, invoice: Invoice, stage: int, on: date, by: Actor) -> Reminder | None:
    try:
        with transaction.atomic(), acting_as(by):
            reminder = Reminder.objects.create(
                invoice=invoice,
                days_after_due=stage,
                sent_on=on,
                sent_to=", ".join(selectors.invoice_recipients(invoice)),
            )
            audit_record(
                by=by,
                action="invoice.reminder_sent",
                target=invoice,
                summary=_("Reminder sent for %(invoice)s, %(days)s days after it was due")
                % {"invoice": invoice.reference, "days": stage},
                about=_concerned(invoice),
                changes={"days_after_due": stage, "sent_to": reminder.sent_to},
            )
    except IntegrityError:  # another worker sent it first
        return None
    queue(tasks.send_reminder_email, reminder_id=reminder.pk)
    return reminder


@transaction.atomic
def lapsed_membership_end(
    *, membership: Membership, end: date, reason: str, by: Actor
) -> Membership:
    """End a lapsed-pending member's membership: a staff decision, recorded with its reason."""
    require(by, "finance.end_lapsed_membership")
    today = timezone.localdate()
    if not selectors.lapsed_pending(today).filter(pk=membership.pk).exists():
        raise FinanceError(
            _("This membership is not lapsed-pending: no invoice is unpaid long enough.")
        )
    if not reason.strip():
        raise FinanceError(_("Give the reason for ending the membership."), field="reason")
    if end > today:
        raise FinanceError(_("The end date cannot be in the future."), field="end")
    try:
        with acting_as(by):
            ended = membership_end(
                membership=membership,
                end=end,
                reason=reason.strip(),
                by=by,
            )
            audit_record(
                by=by,
                action="membership.ended_lapsed",
                target=ended,
                summary=_("Membership ended on %(end)s after its invoice went unpaid")
                % {"end": end.strftime("%d/%m/%Y")},
                about=[ended.organisation, ended.person],
                reason=reason.strip(),
            )
            return ended
    except MembersError as exc:
        raise FinanceError(str(exc)) from exc
