"""Review and decision: assign reviewers, score or declare a conflict, panel, record decisions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import allowed, require

from .. import selectors, services
from ..forms import AssignForm, ConflictForm, DecisionForm, ScoreForm
from ..models import Bid, ReviewAssignment, Round


def bid_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "funding.manage")
    bid = get_object_or_404(Bid.objects.select_related("round", "lead"), pk=pk)
    form = AssignForm(request.POST or None, on=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            assignment = services.reviewer_assign(
                bid=bid, reviewer=form.cleaned_data["reviewer"], by=signed_in_user(request)
            )
        if outcome.ok:
            if assignment.status == ReviewAssignment.Status.EXCLUDED:
                messages.warning(
                    request,
                    _(
                        "%(name)s is from the lead or a partner organisation, "
                        "so is excluded from this bid."
                    )
                    % {"name": assignment.reviewer.full_name},
                )
            else:
                messages.success(
                    request,
                    _("%(name)s will review this bid.") % {"name": assignment.reviewer.full_name},
                )
            return redirect(bid)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Assign a reviewer"),
            "caption": bid.title,
            "submit": _("Assign"),
            "back": bid.get_absolute_url(),
        },
    )


def _assignment(request: HttpRequest, pk: int) -> ReviewAssignment:
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related(
            "bid__round", "bid__scheme", "bid__lead", "reviewer"
        ),
        pk=pk,
    )
    require(request.user, "funding.review", assignment)
    return assignment


def review(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    criteria = list(assignment.bid.round.criteria.all())
    initial: dict[str, object] = {"comment": assignment.comment}
    for s in assignment.scores.all():
        initial[f"score_{s.criterion_id}"] = s.score
        initial[f"comment_{s.criterion_id}"] = s.comment
    form = ScoreForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.review_score(
                assignment=assignment,
                by=signed_in_user(request),
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        if outcome.ok:
            messages.success(request, _("Your scores have been saved."))
            return redirect("funding:my_bids")
    return render(
        request,
        "funding/review.html",
        {"assignment": assignment, "bid": assignment.bid, "form": form},
    )


def review_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.conflict_declare(
                assignment=assignment, by=signed_in_user(request), note=form.cleaned_data["note"]
            )
        if outcome.ok:
            messages.success(
                request,
                _("Your conflict of interest has been recorded; you will not score this bid."),
            )
            return redirect("funding:my_bids")
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Declare a conflict of interest"),
            "caption": assignment.bid.title,
            "submit": _("Declare conflict"),
            "back": assignment.bid.get_absolute_url(),
        },
    )


def panel(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, "funding.view_panel")
    try:
        rnd = Round.objects.prefetch_related("pots__scheme", "criteria").get(year=year)
    except Round.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "funding/panel.html",
        {
            "panel": selectors.panel(rnd),
            "round": rnd,
            "can_decide": allowed(request.user, "funding.manage"),
        },
    )


def decide(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "funding.manage")
    bid = get_object_or_404(Bid.objects.select_related("round", "scheme", "lead"), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with reported(form) as outcome:
            services.decision_record(bid=bid, by=signed_in_user(request), **d)
        if outcome.ok:
            messages.success(
                request, _("The decision has been recorded and the applicant will be told.")
            )
            return redirect("funding:panel", year=bid.round.year)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Record the decision"),
            "caption": bid.title,
            "submit": _("Record decision"),
            "back": bid.get_absolute_url(),
        },
    )
