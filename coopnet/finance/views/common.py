from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest

from .. import selectors
from ..models import Invoice


def require_perm(request: HttpRequest, perm: str, obj: Model | None = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


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
    require_perm(request, "finance.view_invoice", invoice)
    return invoice
