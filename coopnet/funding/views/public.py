"""Public pages: funded projects (filterable, shareable), a project, rounds, and the KPIs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.caching import lazily
from coopnet.core.guard import allowed

from .. import selectors
from ..forms import ProjectFilterForm
from ..models import Project, Round

PAGE_SIZE = 20


@login_not_required
def projects(request: HttpRequest) -> HttpResponse:
    form = ProjectFilterForm(
        request.GET or None,
        members=selectors.project_member_choices(),
        years=selectors.project_years(),
    )
    filters = selectors.ProjectFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.ProjectFilters(**form.cleaned_data)
    page = Paginator(selectors.project_listing(filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    active = any(v for v in vars(filters).values())
    return render(
        request,
        "funding/projects.html",
        {"form": form, "page_obj": page, "filters_active": active},
    )


@login_not_required
def project(request: HttpRequest, slug: str) -> HttpResponse:
    staff = allowed(request.user, "funding.manage")
    try:
        obj = selectors.project_for_page(slug, include_unpublished=staff)
    except Project.DoesNotExist as exc:
        raise Http404(_("No funded project has that address.")) from exc
    return render(
        request,
        "funding/project.html",
        {
            "project": obj,
            "can_manage": allowed(request.user, "funding.report_on_project", obj),
        },
    )


@login_not_required
def rounds(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "funding/rounds.html",
        {
            "rounds": selectors.rounds(),
            "schemes": selectors.schemes(),
            "can_manage": allowed(request.user, "funding.manage"),
        },
    )


@login_not_required
def round_detail(request: HttpRequest, year: int) -> HttpResponse:
    try:
        rnd = Round.objects.get(year=year)
    except Round.DoesNotExist as exc:
        raise Http404(_("There is no funding round for that year.")) from exc
    today = timezone.localdate()
    return render(
        request,
        "funding/round.html",
        {
            "round": rnd,
            # read only when the page's part for everyone is not remembered
            **lazily(
                shown=lambda: selectors.round_for_page(year),
                rules=lambda: [(s, s.rule_for(year)) for s in selectors.schemes()],
            ),
            "is_open": rnd.is_open_on(today),
            "can_bid": allowed(request.user, "funding.bid"),
            "can_see_panel": allowed(request.user, "funding.view_panel"),
        },
    )


@login_not_required
def kpis(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "funding/kpis.html",
        {"years": selectors.kpis(selectors.kpi_years(today), today)},
    )
