"""Supplier pages: apply to the arrangement, follow an application, ask a question, tender."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.members.selectors import managed_organisation_ids, organisations_managed_by

from .. import selectors, services
from ..forms import ApplicationForm, DeclarationsForm, QuestionForm, TenderForm
from ..models import CallOff, DeclarationRenewal, SupplierApplication
from .public import _arrangement


def apply(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, "procurement.apply")
    arrangement = _arrangement(slug)
    form = ApplicationForm(
        request.POST or None,
        organisations=organisations_managed_by(request.user),
        categories=selectors.categories_for(arrangement),
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            application = services.application_submit(
                arrangement=arrangement,
                organisation=form.cleaned_data["organisation"],
                categories=list(form.cleaned_data["categories"]),
                answers=form.answers(),
                declarations=form.declarations(),
                companies_house_number=form.cleaned_data["companies_house_number"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("Your application is received."))
            return redirect(application)
    return render(
        request,
        "procurement/apply.html",
        {"arrangement": arrangement, "form": form, "heading": _("Apply to join")},
    )


def application(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        obj = selectors.application_for_page(pk)
    except SupplierApplication.DoesNotExist as exc:
        raise Http404 from exc
    require(request.user, "procurement.view_application", obj)
    return render(
        request,
        "procurement/application.html",
        {
            "application": obj,
            "due_on": selectors.decision_due_on(obj),
            "can_evaluate": request.user.has_perm("procurement.manage"),
        },
    )


def _invited_supplier(request: HttpRequest, call_off: CallOff):
    ids = managed_organisation_ids(request.user)
    invitation = call_off.invitations.filter(supplier_id__in=ids).select_related("supplier").first()
    if invitation is None:
        raise PermissionDenied(_("Your organisation was not invited to this call-off."))
    return invitation.supplier


@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    call_off = get_object_or_404(CallOff, pk=pk)
    require(request.user, "procurement.tender", call_off)
    supplier = _invited_supplier(request, call_off)
    form = QuestionForm(request.POST)
    if form.is_valid():
        with reported(request) as outcome:
            services.clarification_ask(
                call_off=call_off,
                supplier=supplier,
                question=form.cleaned_data["question"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("Your question is sent to the buyer."))
    return redirect(call_off)


def tender(request: HttpRequest, pk: int) -> HttpResponse:
    call_off = get_object_or_404(CallOff.objects.select_related("buyer", "category"), pk=pk)
    require(request.user, "procurement.tender", call_off)
    supplier = _invited_supplier(request, call_off)
    form = TenderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.tender_submit(
                call_off=call_off,
                supplier=supplier,
                response=form.cleaned_data["response"],
                price=form.cleaned_data["price"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(
                request, _("Your tender is received. It stays sealed until the deadline.")
            )
            return redirect(call_off)
    return render(
        request,
        "procurement/tender.html",
        {
            "call_off": call_off,
            "supplier": supplier,
            "form": form,
            "receipt": selectors.own_tender_receipt(call_off, frozenset([supplier.pk])),
            "closed": call_off.deadline_passed() or call_off.status != CallOff.Status.ISSUED,
            "heading": _("Tender"),
        },
    )


def declaration(request: HttpRequest, pk: int) -> HttpResponse:
    renewal = get_object_or_404(
        DeclarationRenewal.objects.select_related("organisation", "arrangement"), pk=pk
    )
    require(request.user, "procurement.apply_for", renewal.organisation)
    form = DeclarationsForm(request.POST or None)
    if request.method == "POST" and renewal.declared_at is None and form.is_valid():
        with reported(form) as outcome:
            services.declarations_renew(
                renewal=renewal, declarations=form.declarations(), by=request.user
            )
        if outcome.ok:
            messages.success(request, _("Your declarations are renewed."))
            return redirect(renewal.arrangement)
    return render(
        request,
        "procurement/declaration.html",
        {
            "renewal": renewal,
            "form": form,
            "heading": _("Renew your declarations"),
            "caption": renewal.organisation.name,
        },
    )
