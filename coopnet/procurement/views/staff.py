"""Staff pages: the evaluation queue with its clocks, deciding per category, removal."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import selectors, services
from ..forms import DecisionForm, ReasonForm
from ..models import Admission, Arrangement, CategoryDecision, SupplierApplication


def queue(request: HttpRequest) -> HttpResponse:
    require(request.user, "procurement.manage")
    applications = selectors.evaluation_queue()
    return render(
        request,
        "procurement/queue.html",
        {
            "applications": applications,
            "overdue_count": len([a for a in applications if a.is_overdue]),  # type: ignore[attr-defined]
        },
    )


def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "procurement.manage")
    try:
        application = selectors.application_for_page(pk)
    except SupplierApplication.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "procurement/evaluate.html",
        {
            "application": application,
            "due_on": selectors.decision_due_on(application),
            "decisions": [
                (d, DecisionForm(prefix=f"d{d.pk}")) for d in application.decisions.all()
            ],
            "extend_form": ReasonForm(),
        },
    )


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "procurement.manage")
    decision = get_object_or_404(CategoryDecision, pk=pk)
    form = DecisionForm(request.POST, prefix=f"d{decision.pk}")
    if form.is_valid():
        with reported(request) as outcome:
            services.application_decide(
                decision=decision,
                admit=form.cleaned_data["outcome"] == "admit",
                reasons=form.cleaned_data["reasons"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("The decision is recorded and the supplier told."))
    else:
        messages.error(request, _("Choose a decision and give the reasons."))
    return redirect("procurement:evaluate", pk=decision.application_id)


@require_POST
def extend(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "procurement.manage")
    application = get_object_or_404(SupplierApplication, pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        with reported(request) as outcome:
            services.application_extend(
                application=application, reason=form.cleaned_data["reason"], by=request.user
            )
        if outcome.ok:
            messages.success(request, _("The decision time is extended to 15 working days."))
    else:
        messages.error(request, _("Give the reason for taking longer."))
    return redirect("procurement:evaluate", pk=application.pk)


def admission_remove(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "procurement.manage")
    admission = get_object_or_404(
        Admission.objects.select_related("organisation", "category__arrangement"), pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.admission_remove(
                admission=admission, reason=form.cleaned_data["reason"], by=request.user
            )
        if outcome.ok:
            messages.success(request, _("The supplier is removed from the category."))
            return redirect("procurement:suppliers", slug=admission.category.arrangement.slug)
    return render(
        request,
        "procurement/form_page.html",
        {
            "form": form,
            "heading": _("Remove %(org)s from %(category)s")
            % {"org": admission.organisation, "category": admission.category},
            "submit": _("Remove"),
            "back": reverse(
                "procurement:suppliers", kwargs={"slug": admission.category.arrangement.slug}
            ),
        },
    )


@require_POST
def declarations_request(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, "procurement.manage")
    arrangement = get_object_or_404(Arrangement, slug=slug)
    with reported(request) as outcome:
        renewals = services.declarations_request(arrangement=arrangement, by=request.user)
    if outcome.ok:
        messages.success(
            request,
            _("%(n)s suppliers are asked to renew their declarations.") % {"n": len(renewals)},
        )
    return redirect("procurement:suppliers", slug=arrangement.slug)
