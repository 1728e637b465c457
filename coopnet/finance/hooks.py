"""What finance does when the registry announces a moment (`coopnet.core.hooks`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.core.hooks import Note
from coopnet.core.membership_year import year_label, year_of
from coopnet.core.money import ZERO, format_money
from coopnet.members.models import Application, Membership, MembershipCategory

from .errors import FinanceError
from .fees import fee_for, schedules_for
from .models import FeeSchedule, FinanceSettings, FirstInvoiceRule, Invoice
from .selectors import invoice_recipients
from .services import invoice_raise_first, purchase_order_set
from .services.invoicing import check_ready


def raise_first_invoice(
    *, application: Application, membership: Membership, on: date, by: Any, **details: Any
) -> Note:
    """On approval: the purchase-order reference the applicant gave is recorded first, so the
    invoice carries it; finance decides the amount (pro rata or the network's rule). While the
    Accountable Body's details are incomplete no invoice is raised (one without how to pay cannot
    be paid) and the approval still goes ahead, saying so. Another `FinanceError` (a
    `DomainError`) refuses the approval. Returns what happened, in words."""
    if application.purchase_order and membership.organisation is not None:
        purchase_order_set(
            organisation=membership.organisation,
            year=year_of(on),
            reference=application.purchase_order,
            by=by,
        )
    if _invoice_due(membership, on):
        try:
            check_ready(FinanceSettings.current())
        except FinanceError as exc:
            return Note(_("No invoice was raised: %(why)s") % {"why": exc})
    invoice = invoice_raise_first(membership=membership, on=on, by=by)
    if invoice is None:
        return Note(_no_invoice_reason(membership, on))
    return Note(_raised(invoice))


def _raised(invoice: Invoice) -> str:
    values = {"number": invoice.reference, "amount": format_money(invoice.total)}
    recipients = invoice_recipients(invoice)
    if not recipients:
        return (
            _(
                "Invoice %(number)s for %(amount)s has been raised but not emailed: nobody with "
                "an email address is the invoice contact."
            )
            % values
        )
    return _(
        "Invoice %(number)s for %(amount)s has been raised and is being emailed to %(to)s."
    ) % {
        **values,
        "to": ", ".join(recipients),
    }


def _invoice_due(membership: Membership, on: date) -> bool:
    """Approval would raise a first invoice (the rule asks for one; a fee above £0 is set)."""
    if FinanceSettings.current().first_invoice_rule == FirstInvoiceRule.NONE:
        return False
    fee = fee_for(membership, schedules_for(year_of(on)))
    return fee is not None and fee.amount != ZERO


def _no_invoice_reason(membership: Membership, on: date) -> str:
    values = {"category": membership.category.name, "year": year_label(year_of(on))}
    if FinanceSettings.current().first_invoice_rule == FirstInvoiceRule.NONE:
        return _("No invoice was raised: new members are first invoiced by the annual run.")
    fee = fee_for(membership, schedules_for(year_of(on)))
    if fee is None:
        return _("No invoice was raised: no fee is set for %(category)s in %(year)s.") % values
    assert fee.amount == ZERO
    return _("No invoice was raised: the fee for %(category)s in %(year)s is £0.00.") % values


def approval_checks(*, application: Application, on: date, **details: Any) -> Note | None:
    """Before approval: warn when the approval will raise no invoice because no fee is set, or
    will be refused because the Accountable Body's details are not complete."""
    category: MembershipCategory | None = application.category
    if category is None or FinanceSettings.current().first_invoice_rule == FirstInvoiceRule.NONE:
        return None
    year = year_of(on)
    if FeeSchedule.objects.filter(category=category, year=year).exists():
        try:
            check_ready(FinanceSettings.current())
        except FinanceError as exc:  # no invoice could be raised: say so before approval
            return Note(
                _("Approving will raise no invoice: %(why)s") % {"why": exc},
                link=reverse("admin:finance_financesettings_changelist"),
                link_text=_("Open the finance settings"),
            )
        return None
    return Note(
        _(
            "No fee is set for %(category)s in %(year)s, so approving will raise no invoice. "
            "Set the fee first if this member should be invoiced now."
        )
        % {"category": category.name, "year": year_label(year)},
        link=reverse("admin:finance_feeschedule_add") + f"?category={category.pk}&year={year}",
        link_text=_("Set the fee for %(category)s in %(year)s")
        % {"category": category.name, "year": year_label(year)},
    )
