"""Publications, news and blogs, and the Being a Co-operative Council resource page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coopnet.core.caching import cache_public_page
from coopnet.core.files import serve

from .. import selectors, services
from ..models import NewsPost, Publication
from .common import PAGE_SIZE

ROBOTS = ("bot", "crawler", "spider", "slurp", "preview", "monitor")


def _is_robot(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "").lower()
    return not agent or any(word in agent for word in ROBOTS)


@login_not_required
def publication_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in Publication.Kind.values:
        kind = ""
    page = Paginator(selectors.publication_list(kind), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/publication_list.html",
        {"page_obj": page, "kind": kind, "kinds": Publication.Kind.choices},
    )


def _publication(slug: str) -> Publication:
    try:
        return selectors.publication_for_page(slug)
    except Publication.DoesNotExist as exc:
        raise Http404(_("No publication has that address.")) from exc


@login_not_required
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    publication = _publication(slug)
    return render(
        request,
        "knowledge/publication_detail.html",
        {"publication": publication, "projects": selectors.projects_for(publication)},
    )


@login_not_required
def publication_download(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The file (or where it is kept), counted once per request from a person, not a robot."""
    publication = _publication(slug)
    if not (publication.file or publication.external_url):
        raise Http404(_("This publication has no file to download."))
    if request.method == "GET" and not _is_robot(request):
        services.publication_record_download(publication=publication)
    if not publication.file:
        return redirect(publication.external_url)
    return serve(request, publication, "file", filename=publication.slug)


@login_not_required
def news_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in NewsPost.Kind.values:
        kind = ""
    tag = selectors.tag_named(request.GET.get("tag", ""))
    posts = selectors.published_news(kind, tag.slug if tag else "")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/news_list.html",
        {"page_obj": page, "kind": kind, "kinds": NewsPost.Kind.choices, "tag": tag},
    )


@login_not_required
def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        post = selectors.news_post_for_page(slug)
    except NewsPost.DoesNotExist as exc:
        raise Http404(_("No news post has that address.")) from exc
    return render(request, "knowledge/news_detail.html", {"post": post})


@login_not_required
def council_resources(request: HttpRequest) -> HttpResponse:
    return render(
        request, "knowledge/council_resources.html", {"themes": selectors.council_themes()}
    )


@login_not_required
@cache_public_page
def hub(request: HttpRequest) -> HttpResponse:
    """The knowledge hub's front page: each of its parts, with its latest items."""
    return render(
        request,
        "knowledge/hub.html",
        {
            "case_studies": selectors.recent_case_studies(),
            "news": selectors.recent_news(),
            "publications": selectors.recent_publications(),
        },
    )
