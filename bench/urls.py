"""The bench's URLs (bench/settings_pages.py): the product's, plus one bare view.

`/bench/bare/` answers a tiny response through the project's full middleware stack (sessions,
authentication, two-step verification, history, ...) and nothing else: the floor a page served by
Django cannot go under, anonymous and signed in. It exists only under the bench's settings, never
in the product's URLs.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


@login_not_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("config.urls")),
]
