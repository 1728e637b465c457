"""Peer review pages: set up, reviewers, share, findings, agree, publish, report (HTML and PDF),
actions, conflicts; and the network view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import allowed, require
from coopnet.core.models import Principle
from coopnet.core.pdf import pdf_response, render_pdf

from .. import selectors, services
from ..forms import (
    ActionCompleteForm,
    AgreeForm,
    ConflictForm,
    FindingsForm,
    PublishForm,
    ReviewerForm,
    SetupForm,
)
from ..models import PeerReview, Recommendation, SelfAssessment


def reviews(request: HttpRequest) -> HttpResponse:
    require(request.user, "learning.manage")
    return render(
        request,
        "learning/reviews.html",
        {"reviews": selectors.reviews().order_by("-set_up_on", "-pk")},
    )


def review_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "learning.manage")
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            review = services.review_setup(
                organisation=form.cleaned_data["organisation"], by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(request, _("The peer review is set up. Now assign the reviewers."))
            return redirect(review)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Set up a peer review"),
            "caption": _("Peer reviews"),
            "submit": _("Set up"),
            "back": reverse("learning:reviews"),
        },
    )


def _review(request: HttpRequest, pk: int, perm: str = "learning.view_review") -> PeerReview:
    try:
        review = selectors.review_for_page(pk)
    except PeerReview.DoesNotExist as exc:
        raise Http404 from exc
    require(request.user, perm, review)
    return review


def _report_context(review: PeerReview) -> dict[str, object]:
    findings = {f.principle_id: f for f in review.findings.all()}
    recommendations: dict[int, list[Recommendation]] = {}
    for rec in review.recommendations.all():
        recommendations.setdefault(rec.principle_id, []).append(rec)
    principles = list(selectors.network_principles())
    return {
        "review": review,
        "sections": [(p, findings.get(p.pk), recommendations.get(p.pk, [])) for p in principles],
        "today": timezone.localdate(),
    }


def review(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk)
    user = request.user
    shareable = []
    if record.is_open and allowed(user, "learning.decide_report", record):
        shareable = list(
            SelfAssessment.objects.filter(
                organisation=record.organisation, status=SelfAssessment.Status.SUBMITTED
            ).order_by("-submitted_on")
        )
    return render(
        request,
        "learning/review.html",
        {
            **_report_context(record),
            "is_admin": allowed(user, "learning.manage"),
            "is_reviewer": allowed(user, "learning.record_findings", record),
            "decides": allowed(user, "learning.decide_report", record),
            "may_complete": allowed(user, "learning.manage")
            or allowed(user, "learning.decide_report", record),
            "shareable": shareable,
        },
    )


def review_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk, "learning.manage")
    form = ReviewerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            reviewer = services.review_assign_reviewer(
                review=record, person=form.cleaned_data["person"], by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(
                request,
                _("%(name)s (%(council)s) will review %(organisation)s.")
                % {
                    "name": reviewer.person.full_name,
                    "council": reviewer.organisation.name,
                    "organisation": record.organisation.name,
                },
            )
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Assign a reviewer"),
            "caption": record.organisation.name,
            "submit": _("Assign"),
            "back": record.get_absolute_url(),
        },
    )


def review_share(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk, "learning.decide_report")
    chosen = request.POST.get("assessment", "")
    if request.method == "POST" and not chosen.isdigit():
        messages.error(request, _("Choose the self-assessment to share."))
    elif request.method == "POST":
        assessment = get_object_or_404(
            SelfAssessment, pk=int(chosen), organisation=record.organisation
        )
        with reported(request) as outcome:
            services.review_share_assessment(
                review=record, assessment=assessment, by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(request, _("Your self-assessment is shared with the reviewers."))
    return redirect(record)


def review_findings(request: HttpRequest, pk: int, principle: str) -> HttpResponse:
    record = _review(request, pk, "learning.record_findings")
    chosen = get_object_or_404(Principle, slug=principle, family=Principle.Family.NETWORK)
    existing = next((f for f in record.findings.all() if f.principle_id == chosen.pk), None)
    form = FindingsForm(
        request.POST or None, initial={"findings": existing.findings if existing else ""}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recommendations = (
            [services.RecommendationInput(text=data["recommendation"], due_on=data["due_on"])]
            if data["recommendation"]
            else []
        )
        with reported(form) as outcome:
            services.review_record_findings(
                review=record,
                principle=chosen,
                findings=data["findings"],
                recommendations=recommendations,
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(request, _("The findings are saved."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Findings: %(principle)s") % {"principle": _(chosen.name)},
            "caption": record.organisation.name,
            "submit": _("Save"),
            "back": record.get_absolute_url(),
        },
    )


def review_agree(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk, "learning.decide_report")
    form = AgreeForm(request.POST or None, initial={"summary": record.summary})
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.review_agree(
                review=record, by=signed_in_user(request), summary=form.cleaned_data["summary"]
            )
        if outcome.ok:
            messages.success(request, _("The report is agreed."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Agree the report"),
            "caption": record.organisation.name,
            "submit": _("Agree the report"),
            "back": record.get_absolute_url(),
        },
    )


def review_publish(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk, "learning.decide_report")
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.review_publish(
                review=record, publish=form.cleaned_data["publish"], by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(request, _("Your choice is saved."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Publish the report or keep it private"),
            "caption": record.organisation.name,
            "submit": _("Save"),
            "back": record.get_absolute_url(),
        },
    )


@login_not_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk)
    return render(request, "learning/report.html", _report_context(record))


@login_not_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    record = _review(request, pk)
    pdf = render_pdf("learning/report_pdf.html", _report_context(record))
    return pdf_response(pdf, f"peer-review-{record.organisation.slug}-{record.pk}.pdf")


def action_complete(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("review__organisation"), pk=pk
    )
    require(request.user, "learning.complete_action", recommendation)
    form = ActionCompleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.action_complete(
                recommendation=recommendation,
                by=signed_in_user(request),
                note=form.cleaned_data["note"],
            )
        if outcome.ok:
            messages.success(request, _("The action is complete."))
            return redirect(recommendation.review)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Complete an action"),
            "caption": recommendation.text,
            "submit": _("Mark as complete"),
            "back": recommendation.review.get_absolute_url(),
        },
    )


def conflict_declare(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require(user, "learning.declare_conflict")
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.conflict_declare(
                person=user.person,
                organisation=form.cleaned_data["organisation"],
                reason=form.cleaned_data["reason"],
                by=user,
            )
        if outcome.ok:
            messages.success(request, _("Your interest is declared."))
            return redirect("learning:mine")
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Declare a conflict of interest"),
            "submit": _("Declare"),
            "back": reverse("learning:mine"),
        },
    )


def network(request: HttpRequest) -> HttpResponse:
    require(request.user, "learning.view_network")
    staff = allowed(request.user, "learning.manage")
    return render(
        request,
        "learning/network.html",
        {
            "view": selectors.network_view(),
            "take_up": selectors.take_up_by_organisation() if staff else None,
            "take_up_by_category": selectors.take_up_by_category(timezone.localdate())
            if staff
            else None,
        },
    )
