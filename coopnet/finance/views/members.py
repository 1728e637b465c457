"""What a member sees: its organisations' invoices, their PDFs, and its purchase orders."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label
from coopnet.members.models import Organisation

from .. import documents, selectors, services
from ..forms import PurchaseOrderForm
from .common import invoice_or_404


def my_invoices(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "finance/my_invoices.html",
        {
            "invoices": list(selectors.invoices_for_user(user)),
            "organisations": list(selectors.organisations_for_user(user)),
        },
    )


def invoice_detail(request: HttpRequest, reference: str) -> HttpResponse:
    invoice = invoice_or_404(request, reference, detail=True)
    is_staff = request.user.has_perm("finance.record_payments")
    return render(
        request,
        "finance/invoice_detail.html",
        {
            "invoice": invoice,
            "is_staff": is_staff,
            "may_reverse": request.user.has_perm("finance.reverse_payments"),
        },
    )


def invoice_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    invoice = invoice_or_404(request, reference, detail=True)
    data = documents.render_invoice_pdf(invoice, invoice.credit_notes.all())
    return documents.pdf_response(data, documents.invoice_pdf_filename(invoice))


def credit_note_pdf(request: HttpRequest, reference: str, number: str) -> HttpResponse:
    invoice = invoice_or_404(request, reference)
    note = get_object_or_404(invoice.credit_notes.all(), reference=number)
    note.invoice = invoice
    data = documents.render_credit_note_pdf(note)
    return documents.pdf_response(data, f"credit-note-{note.reference}.pdf")


def purchase_order(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "finance.set_purchase_order", organisation)
    form = PurchaseOrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        with reported(form) as outcome:
            services.purchase_order_set(
                organisation=organisation,
                year=year,
                reference=form.cleaned_data["reference"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(
                request,
                _("The purchase order reference for %(year)s has been saved.")
                % {"year": year_label(year)},
            )
            return redirect("finance:purchase_order", slug=organisation.slug)
    orders = sorted(selectors.purchase_orders_of(organisation).items(), reverse=True)
    return render(
        request,
        "finance/purchase_order.html",
        {
            "organisation": organisation,
            "form": form,
            "orders": [(year_label(y), ref) for y, ref in orders],
        },
    )
