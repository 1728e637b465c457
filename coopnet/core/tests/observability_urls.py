"""A URL that fails, for the error-reporting test (coopnet/core/tests/test_observability.py)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path


@login_not_required
def fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the ledger could not be read")


urlpatterns = [path("fails/", fails)]
