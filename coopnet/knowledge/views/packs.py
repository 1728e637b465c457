"""Case Studies Packs: choose case studies (ticked, or all matching a filter), build the PDF in
the background, watch its progress, download it, publish it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.files import serve
from coopnet.core.guard import require

from .. import selectors, services
from ..forms import CaseStudyFilterForm, PackForm, PublishPackForm
from ..models import CaseStudiesPack
from ..services.packs import max_pack_size


def _builder(request: HttpRequest) -> None:
    require(request.user, "knowledge.build_packs")


def pack_list(request: HttpRequest) -> HttpResponse:
    _builder(request)
    packs = CaseStudiesPack.objects.select_related("publication", "created_by")[:50]
    return render(request, "knowledge/pack_list.html", {"packs": packs})


def pack_new(request: HttpRequest) -> HttpResponse:
    _builder(request)
    filter_form = CaseStudyFilterForm(request.GET or None)
    matching = selectors.case_study_list(filter_form.filters())
    form = PackForm(request.POST or None, choices=matching)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = matching[: max_pack_size() + 1] if data["use_filter"] else data["case_studies"]
        with reported(form) as outcome:
            pack = services.pack_request(
                by=signed_in_user(request),
                title=data["title"],
                introduction=data["introduction"],
                case_studies=list(chosen),
            )
        if outcome.ok:
            return redirect(pack)
    return render(
        request,
        "knowledge/pack_new.html",
        {
            "form": form,
            "filter_form": filter_form,
            "matching_count": matching.count(),
            "query": request.GET.urlencode(),
        },
    )


def pack_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The pack's progress; refreshes itself until it is ready (htmx polls the status part)."""
    _builder(request)
    pack = get_object_or_404(CaseStudiesPack.objects.select_related("publication"), pk=pk)
    form = PublishPackForm(initial={"published_on": timezone.localdate()})
    template = "knowledge/pack_detail.html"
    if request.headers.get("HX-Request"):
        template = "knowledge/_pack_status.html"
    return render(request, template, {"pack": pack, "form": form})


def pack_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    _builder(request)
    pack = get_object_or_404(CaseStudiesPack, pk=pk)
    if pack.state != CaseStudiesPack.State.READY or not pack.file:
        raise Http404(_("The pack is not ready yet."))
    name = slugify(pack.title) or "case-studies-pack"
    return serve(request, pack, "file", filename=name, attachment=True)


def pack_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _builder(request)
    pack = get_object_or_404(CaseStudiesPack, pk=pk)
    form = PublishPackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(request) as outcome:
            publication = services.pack_publish(
                pack=pack,
                by=signed_in_user(request),
                published_on=form.cleaned_data["published_on"],
            )
        if not outcome.ok:
            return redirect(pack)
        messages.success(request, _("The pack is published in the library."))
        return redirect(publication)
    return render(request, "knowledge/pack_detail.html", {"pack": pack, "form": form})
