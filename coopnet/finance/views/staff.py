"""Finance staff: the invoice run, invoices, payments, credit notes, debtors and the ledger."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coopnet.accounts.requests import signed_in_user
from coopnet.core.caching import lazily
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label, year_of
from coopnet.core.money import format_money
from coopnet.core.submissions import AlreadySubmitted
from coopnet.members.models import Membership

from .. import documents, selectors, services
from ..forms import (
    CreditNoteForm,
    InvoiceFilterForm,
    LapsedEndForm,
    PaymentForm,
    PaymentReverseForm,
    RunConfirmForm,
    RunForm,
)
from ..models import CreditNote, FinanceSettings, Invoice, InvoiceRun
from ..services.invoicing import RunPlan
from .common import invoice_or_404

PAGE_SIZE = 50


def invoices(request: HttpRequest) -> HttpResponse:
    require(request.user, "finance.manage")
    # The filters and the page of invoices are read only when the list, the same for every
    # finance officer, is not remembered.
    listing = lazily(page=lambda: _invoice_page(request))
    return render(
        request,
        "finance/invoices.html",
        {
            **lazily(form=lambda: listing["page"][0], page_obj=lambda: listing["page"][1]),
            "config": FinanceSettings.current(),
            "year": year_of(timezone.localdate()),
        },
    )


def _invoice_page(request: HttpRequest) -> tuple[InvoiceFilterForm, Page[Invoice]]:
    form = InvoiceFilterForm(
        request.GET or None, years=selectors.years_invoiced(), statuses=selectors.STATUS_LABELS
    )
    qs = selectors.invoices_with_balances()
    if form.is_bound and form.is_valid():
        if form.cleaned_data["year"]:
            qs = qs.filter(year=form.cleaned_data["year"])
        if form.cleaned_data["status"]:
            qs = qs.filter(Q(status=form.cleaned_data["status"]))
    return form, Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


def run(request: HttpRequest) -> HttpResponse:
    """GET without a year: choose. GET with a year: preview. POST: confirm what was previewed."""
    require(request.user, "finance.raise_invoices")
    if request.method == "POST":
        return _run_confirm(request)
    form = RunForm(request.GET or None)
    plan = None
    if form.is_bound and form.is_valid():
        with reported(form):
            plan = services.invoice_run_plan(
                year=form.cleaned_data["year"], on=form.cleaned_data["on"]
            )
    return _run_page(request, form, plan)


def _run_page(request: HttpRequest, form: RunForm, plan: RunPlan | None) -> HttpResponse:
    config = FinanceSettings.current()
    confirm = None
    if plan is not None:
        confirm = RunConfirmForm(
            initial={
                "year": plan.year,
                "on": plan.on,
                "expected_count": len(plan.to_invoice),
                "expected_total": plan.total,
            }
        )
    return render(
        request,
        "finance/run.html",
        {
            "form": form,
            "plan": plan,
            "confirm": confirm,
            "config": config,
            "due_on": plan.on + timedelta(days=config.due_days) if plan else None,
            "runs": InvoiceRun.objects.select_related("created_by")[:10],
        },
    )


def _run_confirm(request: HttpRequest) -> HttpResponse:
    form = RunConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Preview the run again before confirming it."))
        return redirect("finance:run")
    data = form.cleaned_data
    preview = RunForm({"year": data["year"], "on": data["on"].isoformat()})
    preview.is_valid()
    with reported(preview) as outcome:
        done = services.invoice_run_confirm(
            year=data["year"],
            on=data["on"],
            by=signed_in_user(request),
            expected_count=data["expected_count"],
            expected_total=data["expected_total"],
        )
    if not outcome.ok:
        plan: RunPlan | None = None
        with reported(preview):
            plan = services.invoice_run_plan(year=data["year"], on=data["on"])
        return _run_page(request, preview, plan)
    messages.success(request, _run_outcome(done))
    return redirect("finance:run_detail", pk=done.pk)


def _run_outcome(done: InvoiceRun) -> str:
    """How many invoices were raised, how many are being emailed, how many are not (and where
    to find them): never that every invoice is on its way when it is not."""
    invoices = list(selectors.invoices_with_balances().filter(run=done))
    missing = len(selectors.not_emailable(invoices))
    emailed = len(invoices) - missing
    raised = ngettext(
        "%(count)s invoice raised for %(year)s.",
        "%(count)s invoices raised for %(year)s.",
        done.invoice_count,
    ) % {"count": done.invoice_count, "year": year_label(done.year)}
    sent = ngettext(
        "%(count)s is being emailed to its invoice contact.",
        "%(count)s are being emailed to their invoice contacts.",
        emailed,
    ) % {"count": emailed}
    if not missing:
        return f"{raised} {sent}"
    unsent = ngettext(
        "%(count)s has no invoice contact with an email address and has not been emailed: "
        "it is listed below.",
        "%(count)s have no invoice contact with an email address and have not been emailed: "
        "they are listed below.",
        missing,
    ) % {"count": missing}
    return f"{raised} {sent} {unsent}"


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "finance.raise_invoices")
    done = get_object_or_404(InvoiceRun.objects.select_related("created_by"), pk=pk)
    rows = list(selectors.invoices_with_balances().filter(run=done).order_by("number"))
    return render(
        request,
        "finance/run_detail.html",
        {
            "run": done,
            "invoices": rows,
            "not_emailed": selectors.not_emailable(rows),
        },
    )


def _invoice_form_page(
    request: HttpRequest, reference: str, form_class: type[PaymentForm] | type[CreditNoteForm]
) -> tuple[Invoice, PaymentForm | CreditNoteForm]:
    require(request.user, "finance.record_payments")
    invoice = invoice_or_404(request, reference)
    form = form_class(
        request.POST or None,
        initial={"received_on": timezone.localdate(), "issued_on": timezone.localdate()},
    )
    return invoice, form


def payment_reverse(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    """Confirm, on a page of its own and with a reason, that a payment is reversed."""
    require(request.user, "finance.reverse_payments")
    invoice = invoice_or_404(request, reference)
    payment = get_object_or_404(invoice.payments.all(), pk=pk)
    form = PaymentReverseForm(request.POST or None)
    if payment.is_reversed:
        messages.info(request, _("This payment has already been reversed."))
        return redirect("finance:invoice_detail", reference=invoice.reference)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.payment_reverse(
                payment=payment, reason=form.cleaned_data["reason"], by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(
                request,
                _("The payment of %(amount)s has been reversed; it no longer counts as paid.")
                % {"amount": format_money(payment.amount)},
            )
            return redirect("finance:invoice_detail", reference=invoice.reference)
    return render(
        request,
        "finance/payment_reverse.html",
        {"invoice": invoice, "payment": payment, "form": form},
    )


def _recorded_before(
    request: HttpRequest, outcome: reported, invoice: Invoice
) -> HttpResponse | None:
    """A form sent again after it was recorded: back to the invoice, which shows what was."""
    if isinstance(outcome.error, AlreadySubmitted):
        messages.info(request, outcome.error.message)
        return redirect("finance:invoice_detail", reference=invoice.reference)
    return None


def payment_add(request: HttpRequest, reference: str) -> HttpResponse:
    invoice, form = _invoice_form_page(request, reference, PaymentForm)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.payment_record(
                invoice=invoice,
                received_on=form.cleaned_data["received_on"],
                amount=form.cleaned_data["amount"],
                reference=form.cleaned_data["reference"],
                by=signed_in_user(request),
                submission_key=form.cleaned_data["submission_key"],
                again=form.cleaned_data["again"],
            )
        if outcome.ok:
            messages.success(request, _("The payment has been recorded."))
            return redirect("finance:invoice_detail", reference=invoice.reference)
        if (back := _recorded_before(request, outcome, invoice)) is not None:
            return back
    return render(
        request,
        "finance/invoice_form.html",
        {
            "invoice": invoice,
            "form": form,
            "heading": _("Record a payment"),
            "button": _("Record payment"),
        },
    )


def credit_note_add(request: HttpRequest, reference: str) -> HttpResponse:
    invoice, form = _invoice_form_page(request, reference, CreditNoteForm)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            note: CreditNote = services.credit_note_issue(
                invoice=invoice,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["issued_on"],
                by=signed_in_user(request),
                submission_key=form.cleaned_data["submission_key"],
            )
        if (back := _recorded_before(request, outcome, invoice)) is not None:
            return back
        if outcome.ok:
            messages.success(
                request, _("Credit note %(number)s has been issued.") % {"number": note.reference}
            )
            return redirect("finance:invoice_detail", reference=invoice.reference)
    return render(
        request,
        "finance/invoice_form.html",
        {
            "invoice": invoice,
            "form": form,
            "heading": _("Issue a credit note"),
            "button": _("Issue credit note"),
        },
    )


def ledger(request: HttpRequest) -> HttpResponse:
    """CSV for the Accountable Body's ledger: a year's invoices and credit notes."""
    require(request.user, "finance.manage")
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = year_of(timezone.localdate())
    invoices = (
        Invoice.objects.filter(year=year)
        .select_related("organisation", "person", "category")
        .order_by("number")
    )
    notes = (
        CreditNote.objects.filter(invoice__year=year)
        .select_related("invoice__organisation", "invoice__person", "invoice__category")
        .order_by("number")
    )
    response = HttpResponse(
        documents.ledger_csv(invoices, notes), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="ledger-{year_label(year).replace("/", "-")}.csv"'
    )
    return response


def debtors(request: HttpRequest) -> HttpResponse:
    require(request.user, "finance.manage")
    today = timezone.localdate()
    return render(
        request,
        "finance/debtors.html",
        {
            "debtors": selectors.debtors(today),
            "lapsed": list(selectors.lapsed_pending(today)),
            "config": FinanceSettings.current(),
            "may_end": request.user.has_perm("finance.end_lapsed_membership"),
        },
    )


def lapsed_end(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "finance.end_lapsed_membership")
    membership = get_object_or_404(
        Membership.objects.select_related("organisation", "person", "category"), pk=pk
    )
    today = timezone.localdate()
    is_lapsed = selectors.lapsed_pending(today).filter(pk=pk).exists()
    form = LapsedEndForm(request.POST or None, initial={"end": today})
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.lapsed_membership_end(
                membership=membership,
                end=form.cleaned_data["end"],
                reason=form.cleaned_data["reason"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(
                request,
                _("The membership of %(name)s has ended.") % {"name": membership.holder},
            )
            return redirect("finance:debtors")
    return render(
        request,
        "finance/lapsed_end.html",
        {"membership": membership, "form": form, "is_lapsed": is_lapsed},
    )
