"""Until each capability registers itself from its own `AppConfig.ready()`, the top floor wires
the capabilities into the hooks and panels the registry offers, so that `members` imports neither
`finance` nor `knowledge`.

- finance raises the first invoice when an application is approved (`MEMBERSHIP_APPROVED`);
- knowledge shows an organisation's published case studies on its page (panel "organisation").

Moving each registration into finance's and knowledge's `apps.py` changes nothing else.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest

from coopnet.core.errors import DomainError
from coopnet.core.hooks import MEMBERSHIP_APPROVED, register_hook
from coopnet.core.membership_year import year_of
from coopnet.core.panels import register_panel
from coopnet.finance.errors import FinanceError
from coopnet.finance.services import invoice_raise_first, purchase_order_set
from coopnet.knowledge.selectors import case_studies_for
from coopnet.members.models import Application, Membership, Organisation


def raise_first_invoice(
    *, application: Application, membership: Membership, on: date, by: Any, **_: Any
) -> None:
    """The purchase-order reference the applicant gave is recorded first, so the invoice
    carries it; finance decides the amount (pro rata or the network's rule)."""
    try:
        if application.purchase_order and membership.organisation is not None:
            purchase_order_set(
                organisation=membership.organisation,
                year=year_of(on),
                reference=application.purchase_order,
                by=by,
            )
        invoice_raise_first(membership=membership, on=on, by=by)
    except FinanceError as exc:
        if isinstance(exc, DomainError):
            raise
        raise DomainError(str(exc)) from exc


def organisation_case_studies(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    return {"case_studies": case_studies_for(organisation)}


def wire_capabilities() -> None:
    register_hook(MEMBERSHIP_APPROVED, "finance.first_invoice", raise_first_invoice)
    register_panel(
        "organisation",
        "knowledge.case_studies",
        template="knowledge/_organisation_case_studies.html",
        context=organisation_case_studies,
    )
