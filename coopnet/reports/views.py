"""Pages of the reports: staff generate, regenerate, compare and publish; anyone reads a
published Review of the Year."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.files import serve
from coopnet.core.guard import allowed, refusal, require
from coopnet.core.membership_year import year_label

from . import document, selectors, services
from .forms import GenerateForm, NarrativeForm
from .models import GeneratedReport, Kind
from .sections import narrative_of


def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "reports.generate")
    form = GenerateForm(request.POST or None, initial={"kind": Kind.REVIEW})
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            report = services.report_request(
                kind=form.cleaned_data["kind"],
                year=form.cleaned_data["year"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            return redirect(report)
    generations = selectors.generations()[:50]
    return render(request, "reports/index.html", {"form": form, "generations": generations})


def year_text(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, "reports.write_narrative")
    narrative = narrative_of(year)
    initial = {name: getattr(narrative, name) for name in services.NARRATIVE_FIELDS}
    form = NarrativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.narrative_save(year=year, by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("The year's text is saved."))
            return redirect("reports:review", year=year)
    versions = narrative.history.select_related("history_user")[:20] if narrative.pk else []
    return render(
        request,
        "reports/year_text.html",
        {"form": form, "year": year, "label": year_label(year), "versions": versions},
    )


def generation(request: HttpRequest, pk: int) -> HttpResponse:
    """One generation: its progress (htmx polls the status part), then what it printed."""
    require(request.user, "reports.view_generation")
    report = get_object_or_404(GeneratedReport.objects.select_related("regenerates"), pk=pk)
    if request.headers.get("HX-Request"):
        return render(request, "reports/_status.html", {"report": report})
    figures = sorted(report.figures.items())
    return render(
        request,
        "reports/generation.html",
        {
            "report": report,
            "figures": [(name, value) for name, value in figures],
            "others": selectors.comparable(report)[:20],
        },
    )


@login_not_required
def generation_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    report = get_object_or_404(GeneratedReport, pk=pk)
    if not allowed(request.user, "reports.view_pdf", report):
        return refusal(request)
    if not report.is_ready or not report.file:
        raise Http404(_("The document is not ready yet."))
    return serve(
        request, report, "file", filename=f"{report.kind}-{report.label.replace('/', '-')}"
    )


@require_POST
def regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "reports.generate")
    report = get_object_or_404(GeneratedReport, pk=pk)
    again = services.report_regenerate(report=report, by=signed_in_user(request))
    return redirect(again)


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "reports.publish")
    report = get_object_or_404(GeneratedReport, pk=pk)
    with reported(request) as outcome:
        services.report_publish(report=report, by=signed_in_user(request))
    if outcome.ok:
        messages.success(request, _("The Review of the Year is published."))
    return redirect(report)


def compare(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    require(request.user, "reports.view_generation")
    after = get_object_or_404(GeneratedReport, pk=pk)
    before = get_object_or_404(GeneratedReport, pk=other)
    return render(
        request,
        "reports/compare.html",
        {"before": before, "after": after, "changes": selectors.differences(before, after)},
    )


@login_not_required
def reviews(request: HttpRequest) -> HttpResponse:
    """The published Reviews of the Year."""
    years = [(y, year_label(y)) for y in selectors.published_years()]
    return render(request, "reports/reviews.html", {"years": years})


@login_not_required
def review(request: HttpRequest, year: int) -> HttpResponse:
    """The Review of the Year as a page: public once staff publish it; staff see it before."""
    published = selectors.published_review(year)
    staff = allowed(request.user, "reports.generate")
    if published is None and not staff:
        raise Http404(_("This Review of the Year is not published."))
    doc = document.document(Kind.REVIEW, year)
    return render(
        request,
        "reports/review.html",
        {**doc.context(), "published": published, "staff": staff},
    )
