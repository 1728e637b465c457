"""Public pages: the arrangements, one arrangement, and its suppliers as at any date."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import AsAtForm
from ..models import Arrangement

SUPPLIERS_PER_PAGE = 100


def _arrangement(slug: str) -> Arrangement:
    try:
        return selectors.arrangement_for_page(slug)
    except Arrangement.DoesNotExist as exc:
        raise Http404(_("No purchasing arrangement has that address.")) from exc


@login_not_required
def arrangements(request: HttpRequest) -> HttpResponse:
    return render(
        request, "procurement/arrangements.html", {"arrangements": selectors.arrangements()}
    )


@login_not_required
def arrangement(request: HttpRequest, slug: str) -> HttpResponse:
    obj = _arrangement(slug)
    today = timezone.localdate()
    return render(
        request,
        "procurement/arrangement.html",
        {
            "arrangement": obj,
            "rules": obj.rules(),
            "supplier_count": selectors.supplier_count_on(obj, today),
            "is_open": obj.is_open_on(today),
            "can_apply": request.user.has_perm("procurement.apply"),
            "can_buy": request.user.has_perm("procurement.buy"),
            "can_manage": request.user.has_perm("procurement.manage"),
        },
    )


@login_not_required
def suppliers(request: HttpRequest, slug: str) -> HttpResponse:
    obj = _arrangement(slug)
    form = AsAtForm(request.GET or None)
    on = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["on"]:
        on = form.cleaned_data["on"]
    # A page of suppliers is cut in the database, then their admissions in one query (as the API).
    page = Paginator(selectors.admitted_supplier_names(obj, on), SUPPLIERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = selectors.supplier_rows(obj, on, [r["organisation_id"] for r in page])
    return render(
        request,
        "procurement/suppliers.html",
        {"arrangement": obj, "form": form, "on": on, "rows": rows, "page_obj": page},
    )
