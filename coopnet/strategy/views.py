"""Strategy pages: the public strategy and its KPI dashboard; staff screens to edit activities,
record progress, enter a measure's value with its source, and set record coverage."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.figures import COVERAGE_KEYS
from coopnet.core.guard import allowed, require
from coopnet.core.models import RecordCoverage

from . import selectors, services
from .charts import row_chart_image
from .forms import (
    ActivityForm,
    CoverageForm,
    MeasureForm,
    ObjectiveForm,
    ProgressForm,
    ValueForm,
)
from .models import Measure, Objective, Strategy, SupportingActivity


def _strategy(slug: str) -> Strategy:
    try:
        return selectors.strategy_for_page(slug)
    except Strategy.DoesNotExist as exc:
        raise Http404 from exc


@login_not_required
def strategy_list(request: HttpRequest) -> HttpResponse:
    return render(request, "strategy/list.html", {"strategies": selectors.strategies()})


@login_not_required
def strategy_page(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _strategy(slug)
    board = selectors.dashboard(strategy)
    return render(
        request,
        "strategy/strategy.html",
        {"strategy": strategy, "board": board, "staff": allowed(request.user, "strategy.manage")},
    )


@login_not_required
def kpis(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _strategy(slug)
    board = selectors.dashboard(strategy)
    charts = {
        row.measure.pk: row_chart_image(row, board.labels)
        for block in board.objectives
        for row in block.measures
    }
    return render(
        request,
        "strategy/kpis.html",
        {
            "strategy": strategy,
            "board": board,
            "charts": charts,
            "staff": allowed(request.user, "strategy.manage"),
        },
    )


def coverage(request: HttpRequest) -> HttpResponse:
    require(request.user, "strategy.set_coverage")
    return render(request, "strategy/coverage.html", {"rows": selectors.coverage_rows()})


def coverage_edit(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, "strategy.set_coverage")
    row = RecordCoverage.objects.filter(key=key).first()
    if row is None and key not in COVERAGE_KEYS:
        raise Http404
    initial = {"complete_from": row.complete_from, "note": row.note} if row else {}
    form = CoverageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.set_coverage(
                key=key,
                complete_from=form.cleaned_data["complete_from"],
                note=form.cleaned_data["note"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(request, _("Coverage saved."))
            return redirect("strategy:coverage")
    return render(
        request,
        "strategy/coverage_edit.html",
        {
            "form": form,
            "key": key,
            "history": selectors.coverage_history(key),
            "heading": _("Record coverage: %(key)s") % {"key": key},
        },
    )


def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "strategy.manage")
    activity = get_object_or_404(
        SupportingActivity.objects.select_related("objective__strategy"), pk=pk
    )
    form = ActivityForm(request.POST or None, instance=activity, prefix="activity")
    progress = ProgressForm(request.POST or None, prefix="progress")
    back = reverse("strategy:kpis", kwargs={"slug": activity.objective.strategy.slug})
    if request.method == "POST":
        which = request.POST.get("save")
        chosen = progress if which == "progress" else form
        if chosen.is_valid():
            with reported(chosen) as outcome:
                if which == "progress":
                    services.record_progress(
                        activity, by=signed_in_user(request), **progress.cleaned_data
                    )
                else:
                    services.save(form.instance, by=signed_in_user(request))
            if outcome.ok:
                messages.success(request, _("Activity saved."))
                return redirect(back)
    return render(
        request,
        "strategy/activity_edit.html",
        {
            "activity": activity,
            "form": form,
            "progress": progress,
            "back": back,
            "updates": activity.updates.all(),
            "history": activity.history.order_by("-history_date")[:20],
        },
    )


def measure_value(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "strategy.manage")
    measure = get_object_or_404(Measure.objects.select_related("objective__strategy"), pk=pk)
    form = ValueForm(request.POST or None)
    back = reverse("strategy:kpis", kwargs={"slug": measure.objective.strategy.slug})
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.enter_value(key=measure.key, by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Value saved with its source."))
            return redirect(back)
    return render(
        request,
        "strategy/form_page.html",
        {
            "form": form,
            "heading": _("Enter a value: %(measure)s") % {"measure": measure.name},
            "caption": measure.objective.strategy.title,
            "back": back,
            "submit": _("Save value"),
        },
    )


def _edit(request: HttpRequest, form: Any, obj: Any, back: str, heading: str) -> HttpResponse:
    """One staff edit page for an objective or a measure: saved through the service, history
    listed below the form."""
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.save(form.instance, by=signed_in_user(request))
        if outcome.ok:
            messages.success(request, _("Saved."))
            return redirect(back)
    return render(
        request,
        "strategy/edit_page.html",
        {
            "form": form,
            "heading": heading,
            "caption": obj.strategy.title
            if isinstance(obj, Objective)
            else obj.objective.strategy.title,
            "back": back,
            "submit": _("Save"),
            "history": obj.history.select_related("history_user").order_by("-history_date")[:20],
        },
    )


def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "strategy.manage")
    objective = get_object_or_404(Objective.objects.select_related("strategy"), pk=pk)
    back = reverse("strategy:strategy", kwargs={"slug": objective.strategy.slug})
    form = ObjectiveForm(request.POST or None, instance=objective)
    return _edit(request, form, objective, back, _("Objective %(n)d") % {"n": objective.number})


def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "strategy.manage")
    measure = get_object_or_404(Measure.objects.select_related("objective__strategy"), pk=pk)
    back = reverse("strategy:kpis", kwargs={"slug": measure.objective.strategy.slug})
    form = MeasureForm(request.POST or None, instance=measure)
    return _edit(request, form, measure, back, measure.name)
