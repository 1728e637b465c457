"""Buyer pages: create and issue a call-off, answer questions, open, score and award."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.members.selectors import managed_organisation_ids, organisations_managed_by

from .. import selectors, services
from ..forms import AnswerForm, AwardForm, CallOffForm, QuestionForm, ScoreForm
from ..models import CallOff, Clarification, Tender
from .public import _arrangement


def _call_off(pk: int) -> CallOff:
    try:
        return selectors.call_off_for_page(pk)
    except CallOff.DoesNotExist as exc:
        raise Http404(_("No call-off has that address.")) from exc


def call_offs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "procurement/calloffs.html",
        {"call_offs": selectors.call_offs_of(request.user)},
    )


def call_off_new(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, "procurement.buy")
    arrangement = _arrangement(slug)
    form = CallOffForm(
        request.POST or None,
        buyers=organisations_managed_by(request.user),
        categories=selectors.categories_for(arrangement),
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            call_off = services.calloff_create(
                arrangement=arrangement,
                category=form.cleaned_data["category"],
                buyer=form.cleaned_data["buyer"],
                title=form.cleaned_data["title"],
                requirement=form.cleaned_data["requirement"],
                budget=form.cleaned_data["budget"],
                criteria=form.cleaned_data["criteria"],
                tender_deadline=form.cleaned_data["tender_deadline"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("The call-off is saved as a draft: issue it when ready."))
            return redirect(call_off)
    return render(
        request,
        "procurement/form_page.html",
        {
            "form": form,
            "heading": _("New call-off"),
            "caption": arrangement.name,
            "submit": _("Save the draft"),
            "back": arrangement.get_absolute_url(),
        },
    )


def call_off(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _call_off(pk)
    require(request.user, "procurement.view_call_off", obj)
    runs = request.user.has_perm("procurement.run_call_off", obj)
    ids = managed_organisation_ids(request.user)
    invited = obj.invitations.filter(supplier_id__in=ids).exists()
    return render(
        request,
        "procurement/calloff.html",
        {
            "call_off": obj,
            "runs": runs,
            "invited": invited,
            "invitations": selectors.invitations(obj)
            if runs or request.user.has_perm("procurement.manage")
            else None,
            "clarifications": selectors.answered_clarifications(obj),
            "unanswered": [
                (c, AnswerForm(prefix=f"c{c.pk}")) for c in obj.clarifications.filter(answer="")
            ]
            if runs
            else None,
            "receipts": selectors.tender_receipts(obj) if runs else None,
            "own_receipt": selectors.own_tender_receipt(obj, ids) if invited else None,
            "deadline_passed": obj.deadline_passed(),
            "question_form": QuestionForm(),
            "communications": obj.communications.select_related("organisation")[:200]
            if runs
            else None,
        },
    )


@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _call_off(pk)
    require(request.user, "procurement.run_call_off", obj)
    with reported(request) as outcome:
        count = services.calloff_issue(call_off=obj, by=request.user)
    if outcome.ok:
        messages.success(
            request, _("The call-off is issued: %(n)s suppliers are invited.") % {"n": count}
        )
    return redirect(obj)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    clarification = get_object_or_404(Clarification.objects.select_related("call_off"), pk=pk)
    require(request.user, "procurement.run_call_off", clarification.call_off)
    form = AnswerForm(request.POST, prefix=f"c{clarification.pk}")
    if form.is_valid():
        with reported(request) as outcome:
            services.clarification_answer(
                clarification=clarification, answer=form.cleaned_data["answer"], by=request.user
            )
        if outcome.ok:
            messages.success(request, _("The answer is published to every invited supplier."))
    return redirect(clarification.call_off)


@require_POST
def open_tenders(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _call_off(pk)
    require(request.user, "procurement.run_call_off", obj)
    with reported(request) as outcome:
        services.tenders_open(call_off=obj, by=request.user)
    if outcome.ok:
        return redirect("procurement:calloff_evaluate", pk=obj.pk)
    return redirect(obj)


def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _call_off(pk)
    require(request.user, "procurement.run_call_off", obj)
    with reported(request) as outcome:
        tenders = list(selectors.opened_tenders(obj))
    if not outcome.ok:
        return redirect(obj)
    criteria = list(obj.criteria.all())
    rows = []
    for tender in tenders:
        marks = {s.criterion_id: s.mark for s in tender.scores.all()}
        initial = {f"mark_{c}": m for c, m in marks.items()}
        rows.append(
            {
                "tender": tender,
                "form": ScoreForm(criteria=criteria, initial=initial, prefix=f"t{tender.pk}"),
                "scored": len(marks) == len(criteria),
            }
        )
    award_form = (
        AwardForm(tenders=obj.tenders.all()) if obj.status == CallOff.Status.OPENED else None
    )
    return render(
        request,
        "procurement/calloff_evaluate.html",
        {"call_off": obj, "rows": rows, "award_form": award_form},
    )


@require_POST
def score(request: HttpRequest, pk: int) -> HttpResponse:
    tender_obj = get_object_or_404(Tender.objects.select_related("call_off"), pk=pk)
    call_off_obj = tender_obj.call_off
    require(request.user, "procurement.run_call_off", call_off_obj)
    form = ScoreForm(request.POST, criteria=call_off_obj.criteria.all(), prefix=f"t{tender_obj.pk}")
    if form.is_valid():
        with reported(request) as outcome:
            services.tender_score(tender=tender_obj, marks=form.marks(), by=request.user)
        if outcome.ok:
            messages.success(request, _("The scores are saved."))
    else:
        messages.error(request, _("Give each criterion a mark between 0 and 10."))
    return redirect("procurement:calloff_evaluate", pk=call_off_obj.pk)


@require_POST
def award(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _call_off(pk)
    require(request.user, "procurement.run_call_off", obj)
    form = AwardForm(request.POST, tenders=obj.tenders.all())
    if form.is_valid():
        with reported(request) as outcome:
            services.calloff_award(
                call_off=obj,
                tender=form.cleaned_data["tender"],
                reasons=form.cleaned_data["reasons"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("The call-off is awarded and every tenderer told."))
            return redirect(obj)
    else:
        messages.error(request, _("Choose the successful tender and give the reasons."))
    return redirect("procurement:calloff_evaluate", pk=obj.pk)
