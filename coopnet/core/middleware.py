"""Request-wide parts of the spine: who acts, and what a domain error no view caught becomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme

from .actors import acting_as
from .errors import DomainError


class PrivateByDefaultMiddleware:
    """A response that does not say how it may be cached is for its reader alone
    (`private, no-cache`): only the pages `coopnet.core.caching` marks public are kept by shared
    caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


class ActorMiddleware:
    """The signed-in person is the actor of everything a request writes (field history included)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with acting_as(request.user):
            return self.get_response(request)


class DomainErrorMiddleware:
    """A `DomainError` that a view let through: a message and back to the page (POST), or a 400
    page that says what was refused (GET). Views that show the error on a form use `reported`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        if not isinstance(exception, DomainError):
            return None
        if request.path.startswith("/api/"):
            return None  # DRF's exception handler answers for the API
        if request.method == "POST":
            messages.error(request, exception.message)
            back = request.META.get("HTTP_REFERER", "")
            if not url_has_allowed_host_and_scheme(
                back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                back = request.get_full_path()
            return HttpResponseRedirect(back)
        return render(request, "400.html", {"message": exception.message}, status=400)
