"""Search pages for visitors who are not signed in, remembered until the index changes.

The key holds the language, the full path, the search index's version (a counter the
database's own triggers move on at every change to the index, migration core/0006) and the
public content version (organisation and principle names shown as facet labels). Two small
queries decide whether a remembered page may be served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from coopnet.core.caching import PAGE_CACHE_SECONDS, _cacheable, public_content_version


def search_index_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(version), 0) FROM core_searchindex_version")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _plain_page(request: HttpRequest, response: HttpResponse) -> bool:
    """A page with nothing personal: no cookie set, no CSRF token handed out."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False):
        return False
    return response.status_code == 200 and not response.cookies


def cache_search_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        version = search_index_version()
        request.search_index_version = version  # type: ignore[attr-defined]  # for the facets
        raw = f"{get_language()}|{request.get_full_path()}|{version}|{public_content_version()}"
        key = "search-page:" + hashlib.sha256(raw.encode()).hexdigest()
        remembered = caches["local"].get(key)
        if remembered is None:
            response = view(request, *args, **kwargs)
            if _plain_page(request, response):
                remember = (response.content, response["Content-Type"])
                caches["local"].set(key, remember, PAGE_CACHE_SECONDS)
            return response
        return HttpResponse(remembered[0], content_type=remembered[1])

    return wrapped
