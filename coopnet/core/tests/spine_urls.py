"""URLs for the spine's tests: views that raise and catch nothing, beside the project's own."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from coopnet.core.errors import DomainError
from coopnet.core.guard import require


def refusing_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "members.manage_registry")  # raised, never caught here
    return HttpResponse("allowed")


def domain_error_view(request: HttpRequest) -> HttpResponse:
    raise DomainError("The round has closed.")


urlpatterns = [
    path("spine/refusal/", refusing_view),
    path("spine/domain-error/", domain_error_view),
    path("", include("config.urls")),
]
