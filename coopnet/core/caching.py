"""Public pages for visitors who are not signed in, remembered until the content changes.

A page is keyed by the date, its language, its full path and the public content version
(`coopnet.core.versioning`), which every write to a record public pages show moves on after it
commits, bulk writes included, so a remembered page is never stale. Pages for signed-in people,
pages with a message to show, and pages that carry a CSRF token are never remembered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .versioning import public_version

PAGE_CACHE_SECONDS = 3600


def public_content_version() -> str:
    """One query: the public content version."""
    return str(public_version())


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0
    )


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        today = timezone.localdate()  # pages speak of "today"
        raw = f"{today}|{get_language()}|{request.get_full_path()}|{public_content_version()}"
        key = "public-page:" + hashlib.sha256(raw.encode()).hexdigest()
        cached = caches["local"].get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        carries_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        if response.status_code == 200 and not response.cookies and not carries_token:
            caches["local"].set(
                key, (response.content, response["Content-Type"]), PAGE_CACHE_SECONDS
            )
        return response

    return wrapped
