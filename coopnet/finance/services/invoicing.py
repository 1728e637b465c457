"""Raising invoices: the September run and a new member's first invoice. Numbers come from one
locked counter inside the transaction that writes the invoice, so a rollback leaves no gap."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import Audited, audit_record, audit_records
from coopnet.core.guard import require
from coopnet.core.membership_year import months_left, year_end, year_label, year_of, year_start
from coopnet.core.money import ZERO, format_money, to_pence
from coopnet.core.periods import current_on_q, overlapping_q
from coopnet.members.models import Membership

from .. import tasks
from ..errors import FinanceError
from ..fees import Fee, fee_for, schedules_for
from ..models import (
    FinanceSettings,
    FirstInvoiceRule,
    Invoice,
    InvoiceRun,
    NumberCounter,
    PurchaseOrder,
    VatTreatment,
)
from .common import queue

INVOICE_SEQUENCE = "invoice"
EMAILS_PER_TASK = 200
BATCH = 500  # rows per bulk insert


def next_number(sequence: str) -> int:
    """Take the next number of a sequence. The counter row stays locked until commit."""
    NumberCounter.objects.get_or_create(name=sequence)
    counter = NumberCounter.objects.select_for_update(of=("self",)).get(name=sequence)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def take_numbers(sequence: str, count: int) -> int:
    """Take `count` consecutive numbers of a sequence in one step; the first of them. The counter
    row stays locked until commit, so a rollback gives them all back."""
    NumberCounter.objects.get_or_create(name=sequence)
    counter = NumberCounter.objects.select_for_update(of=("self",)).get(name=sequence)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    return first


def lock_invoicing() -> None:
    """Serialise everything that raises invoices (runs and first invoices) on the counter row."""
    NumberCounter.objects.get_or_create(name=INVOICE_SEQUENCE)
    NumberCounter.objects.select_for_update(of=("self",)).get(name=INVOICE_SEQUENCE)


def body_details(config: FinanceSettings) -> dict[str, str]:
    return {
        "name": config.body_name,
        "address": config.body_address,
        "email": config.body_email,
        "phone": config.body_phone,
        "vat_number": config.vat_number,
        "payment_instructions": config.payment_instructions,
    }


def _vat(config: FinanceSettings, net: Decimal) -> tuple[Decimal, Decimal]:
    if config.vat_treatment == VatTreatment.STANDARD:
        return config.vat_rate, to_pence(net * config.vat_rate / Decimal(100))
    return Decimal("0.00"), ZERO


def check_ready(config: FinanceSettings) -> None:
    """An invoice names who issues it, where they are and how to pay: refuse to raise one while
    any of these is blank (checked before anything is written)."""
    missing = [
        str(label)
        for label, value in (
            (_("name"), config.body_name),
            (_("address"), config.body_address),
            (_("payment details"), config.payment_instructions),
        )
        if not value.strip()
    ]
    if missing:
        raise FinanceError(
            _(
                "Enter the Accountable Body's %(missing)s in the finance settings before "
                "invoicing: an invoice without them cannot be paid."
            )
            % {"missing": get_text_list(missing, _("and"))}
        )


def _new_invoice(
    *,
    number: int,
    membership: Membership,
    year: int,
    net: Decimal,
    description: str,
    on: date,
    by: Actor,
    config: FinanceSettings,
    kind: str,
    run: InvoiceRun | None = None,
    purchase_order: str = "",
) -> Invoice:
    """An invoice as it is raised (not yet saved): its figures and addresses fixed now."""
    rate, vat = _vat(config, net)
    org, person = membership.organisation, membership.person
    return Invoice(
        number=number,
        reference=f"{config.invoice_prefix}{number:05d}",
        kind=kind,
        run=run,
        membership=membership,
        organisation=org,
        person=person,
        category=membership.category,
        year=year,
        issued_on=on,
        due_on=on + timedelta(days=config.due_days),
        description=description,
        net_amount=net,
        vat_treatment=config.vat_treatment,
        vat_rate=rate,
        vat_amount=vat,
        total=net + vat,
        bill_to_name=org.name if org is not None else (person.display_name if person else ""),
        bill_to_address=org.address if org is not None else "",
        purchase_order=purchase_order,
        body=body_details(config),
        created_by=user_of(by),
    )


def _raised(invoice: Invoice) -> Audited:
    """The audit entry of a raised invoice."""
    return Audited(
        action="invoice.raised",
        target=invoice,
        summary=_("Invoice %(number)s raised for %(amount)s: %(description)s")
        % {
            "number": invoice.reference,
            "amount": format_money(invoice.total),
            "description": invoice.description,
        },
        about=[invoice.organisation, invoice.person, invoice.run],
        changes={"total": str(invoice.total), "year": invoice.year, "kind": invoice.kind},
    )


def _write_invoice(*, by: Actor, **fields: Any) -> Invoice:
    """Raise one invoice (a new member's first): the next number, its history and audit record,
    and its email queued for after commit."""
    invoice = _new_invoice(number=next_number(INVOICE_SEQUENCE), by=by, **fields)
    invoice.save()
    audit_records(by=by, items=[_raised(invoice)])
    queue(tasks.send_invoice_email, invoice_id=invoice.pk)
    return invoice


def _write_run_invoices(by: Actor, invoices: list[Invoice]) -> None:
    """Save a run's invoices in bulk, each with its field history and audit record, and queue
    their emails in batches: one statement per 500 rows rather than four per invoice."""
    bulk_create_with_history(invoices, Invoice, batch_size=BATCH, default_user=user_of(by))
    audit_records(by=by, items=[_raised(invoice) for invoice in invoices])
    ids = [invoice.pk for invoice in invoices]
    # One task per batch of invoices, not one per invoice: 11,000 members make 55 tasks.
    for start in range(0, len(ids), EMAILS_PER_TASK):
        queue(tasks.send_invoice_emails, invoice_ids=ids[start : start + EMAILS_PER_TASK])


def _description(membership: Membership, year: int, months: int | None = None) -> str:
    values = {"year": year_label(year), "category": membership.category.name, "months": months}
    if months is None or months == 12:
        return _("Membership fee %(year)s: %(category)s") % values
    return _("Membership fee %(year)s: %(category)s, %(months)s of 12 months") % values


def _purchase_order(membership: Membership, year: int) -> str:
    if membership.organisation_id is None:
        return ""
    po = PurchaseOrder.objects.filter(organisation_id=membership.organisation_id, year=year).first()
    return po.reference if po else ""


@transaction.atomic
def invoice_raise_first(*, membership: Membership, on: date, by: Actor) -> Invoice | None:
    """The first invoice of a newly approved membership, per the network's rule.

    Returns None when the rule is "none", the category has no fee for the year, or the fee is
    zero. Never raises two invoices for one membership and year: a second call returns the first.
    """
    require(by, "finance.raise_invoices")
    config = FinanceSettings.current()
    year = year_of(on)
    lock_invoicing()
    existing = Invoice.objects.filter(membership=membership, year=year).first()
    if existing is not None:
        return existing
    if config.first_invoice_rule == FirstInvoiceRule.NONE:
        return None
    membership = Membership.objects.select_related(
        "category", "organisation__local_authority", "organisation__area_authority", "person"
    ).get(pk=membership.pk)
    fee = fee_for(membership, schedules_for(year))
    if fee is None or fee.amount == ZERO:
        return None
    check_ready(config)
    months = months_left(on) if config.first_invoice_rule == FirstInvoiceRule.PRO_RATA else 12
    net = to_pence(fee.amount * months / Decimal(12))
    with acting_as(by):
        return _write_invoice(
            membership=membership,
            year=year,
            net=net,
            description=_description(membership, year, months),
            on=on,
            by=by,
            config=config,
            kind=Invoice.Kind.FIRST,
            purchase_order=_purchase_order(membership, year),
        )


@dataclass
class RunLine:
    membership: Membership
    fee: Fee | None
    skip_reason: str = ""
    invoice: Invoice | None = None

    @property
    def holder_name(self) -> str:
        holder = self.membership.holder
        if holder is None:
            return ""
        return holder.name if hasattr(holder, "name") else str(holder)


@dataclass
class RunPlan:
    year: int
    on: date
    to_invoice: list[RunLine] = field(default_factory=list)
    skipped: list[RunLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.fee.amount for line in self.to_invoice if line.fee), ZERO)

    @property
    def year_label(self) -> str:
        return year_label(self.year)


def _run_memberships(year: int, on: date) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(
            current_on_q(on) & overlapping_q(year_start(year), year_end(year))
        )
        .select_related(
            "category",
            "organisation__local_authority",
            "organisation__area_authority",
            "person",
        )
        .order_by("category__order", "organisation__name", "person__full_name", "pk")
    )


def check_run_dates(year: int, on: date) -> None:
    if not (year_start(year) <= on <= year_end(year)):
        raise FinanceError(
            _("The invoice date must fall in the membership year %(year)s (%(start)s to %(end)s).")
            % {
                "year": year_label(year),
                "start": year_start(year).strftime("%d/%m/%Y"),
                "end": year_end(year).strftime("%d/%m/%Y"),
            },
            field="on",
        )


def invoice_run_plan(*, year: int, on: date) -> RunPlan:
    """Who the run would invoice and for how much; who it skips and why. Writes nothing."""
    check_run_dates(year, on)
    schedules = schedules_for(year)
    invoiced = {
        i.membership_id: i
        for i in Invoice.objects.filter(year=year).only("pk", "reference", "membership_id")
    }
    invoiced_holders = set(
        Invoice.objects.filter(year=year).values_list("organisation_id", "person_id")
    )
    plan = RunPlan(year=year, on=on)
    for membership in _run_memberships(year, on):
        fee = fee_for(membership, schedules)
        line = RunLine(membership=membership, fee=fee)
        if membership.pk in invoiced:
            line.invoice = invoiced[membership.pk]
            line.skip_reason = _("Already invoiced for this year (%(number)s)") % {
                "number": line.invoice.reference
            }
        elif (membership.organisation_id, membership.person_id) in invoiced_holders:
            line.skip_reason = _("Already invoiced for this year under another membership")
        elif fee is None:
            line.skip_reason = _("No fee set for %(category)s in %(year)s") % {
                "category": membership.category.name,
                "year": year_label(year),
            }
        elif fee.amount == ZERO:
            line.skip_reason = _("The fee is £0.00")
        (plan.skipped if line.skip_reason else plan.to_invoice).append(line)
    return plan


@transaction.atomic
def invoice_run_confirm(
    *,
    year: int,
    on: date,
    by: Actor,
    expected_count: int | None = None,
    expected_total: Decimal | None = None,
) -> InvoiceRun:
    """Raise the year's invoices as previewed. Members already invoiced are skipped, so running
    it again for the same year raises nothing twice."""
    require(by, "finance.raise_invoices")
    config = FinanceSettings.current()
    check_ready(config)
    lock_invoicing()
    plan = invoice_run_plan(year=year, on=on)
    if not plan.to_invoice:
        raise FinanceError(
            _("There is nobody to invoice for %(year)s.") % {"year": year_label(year)}
        )
    if expected_count is not None and (
        expected_count != len(plan.to_invoice) or expected_total != plan.total
    ):
        raise FinanceError(
            _("The figures have changed since you previewed the run. Preview it again.")
        )
    pos = dict(PurchaseOrder.objects.filter(year=year).values_list("organisation_id", "reference"))
    with acting_as(by):
        run = InvoiceRun.objects.create(year=year, issued_on=on, created_by=user_of(by))
        first = take_numbers(INVOICE_SEQUENCE, len(plan.to_invoice))
        invoices = []
        for offset, line in enumerate(plan.to_invoice):
            assert line.fee is not None
            invoices.append(
                _new_invoice(
                    number=first + offset,
                    membership=line.membership,
                    year=year,
                    net=line.fee.amount,
                    description=_description(line.membership, year),
                    on=on,
                    by=by,
                    config=config,
                    kind=Invoice.Kind.ANNUAL,
                    run=run,
                    purchase_order=pos.get(line.membership.organisation_id or 0, ""),
                )
            )
        _write_run_invoices(by, invoices)
        total = sum((invoice.total for invoice in invoices), ZERO)
        run.invoice_count = len(plan.to_invoice)
        run.total = total
        run.save(update_fields=["invoice_count", "total"])
        audit_record(
            by=by,
            action="invoice_run.confirmed",
            target=run,
            summary=_("Invoice run for %(year)s: %(count)s invoices, %(total)s")
            % {"year": year_label(year), "count": run.invoice_count, "total": format_money(total)},
            changes={"invoice_count": run.invoice_count, "total": str(total)},
        )
    return run
