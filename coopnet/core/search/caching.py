"""Search pages for visitors who are not signed in, remembered until the index changes.

The key holds the language, the full path, the search index's version (a counter the
database's own triggers move on at every change to the index, migration core/0006) and the
public content version (organisation and principle names shown as facet labels). Two small
queries decide whether a remembered page may be served.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import get_language

from coopnet.core.caching import _cacheable, public_content_version, remembered_page


def search_index_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(version), 0) FROM core_searchindex_version")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def cache_search_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        version = search_index_version()
        request.search_index_version = version  # type: ignore[attr-defined]  # for the facets
        raw = f"{get_language()}|{request.get_full_path()}|{version}|{public_content_version()}"
        return remembered_page(request, "search-page", raw, lambda: view(request, *args, **kwargs))

    return wrapped
