from __future__ import annotations

from django.http import Http404, HttpRequest

from coopnet.core.guard import require

from .. import selectors
from ..models import Invoice


def invoice_or_404(request: HttpRequest, reference: str, *, detail: bool = False) -> Invoice:
    """The invoice if the user may see it; 404 if there is none, 403 if it is someone else's."""
    qs = (
        selectors.invoice_detail_by_reference(reference)
        if detail
        else (selectors.invoices_with_balances().filter(reference=reference))
    )
    invoice = qs.first()
    if invoice is None:
        raise Http404
    require(request.user, "finance.view_invoice", invoice)
    return invoice
