"""What finance does when the registry announces a moment (`coopnet.core.hooks`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from coopnet.core.membership_year import year_of
from coopnet.members.models import Application, Membership

from .services import invoice_raise_first, purchase_order_set


def raise_first_invoice(
    *, application: Application, membership: Membership, on: date, by: Any, **_: Any
) -> None:
    """On approval: the purchase-order reference the applicant gave is recorded first, so the
    invoice carries it; finance decides the amount (pro rata or the network's rule). A
    `FinanceError` (a `DomainError`) refuses the approval."""
    if application.purchase_order and membership.organisation is not None:
        purchase_order_set(
            organisation=membership.organisation,
            year=year_of(on),
            reference=application.purchase_order,
            by=by,
        )
    invoice_raise_first(membership=membership, on=on, by=by)
