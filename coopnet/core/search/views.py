from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .caching import cache_search_page


@login_not_required
@cache_search_page
def search(request: HttpRequest) -> HttpResponse:
    """The site search: ranked results, facets in the URL, pages; public."""
    version = getattr(request, "search_index_version", None)  # read by the page cache
    return render(request, "core/search.html", selectors.search_context(request.GET, version))
