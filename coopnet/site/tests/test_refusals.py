"""A refusal or a domain error that a view does not catch still answers properly: 403 for a
refusal (never 500, never a form error), a message and back for a refused POST, 400 for a GET."""

from __future__ import annotations

from datetime import date

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from coopnet.members import services
from coopnet.members.errors import MembersError
from coopnet.members.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def end_membership(request: HttpRequest, slug: str) -> HttpResponse:
    """A careless view: calls the service and catches nothing."""
    organisation = Organisation.objects.get(slug=slug)
    services.membership_end(
        membership=organisation.memberships.get(),
        end=date(2030, 7, 31),
        reason="Left",
        by=request.user,
    )
    return HttpResponse("ended")


def broken_rule(request: HttpRequest) -> HttpResponse:
    raise MembersError("This membership has already ended.")


urlpatterns = [
    path("end/<slug:slug>/", end_membership),
    path("rule/", broken_rule),
    path("", include("config.urls")),  # the pages' layout links to the site's URLs
]


def test_a_refused_service_call_in_a_view_that_does_not_catch_it_answers_403(
    client, officer_a, org_a
):
    client.force_login(officer_a)
    response = client.post(f"/end/{org_a.slug}/")
    assert response.status_code == 403
    assert org_a.memberships.get().end is None


def test_the_same_call_by_staff_goes_through(client, network_admin, org_a):
    client.force_login(network_admin)
    assert client.post(f"/end/{org_a.slug}/").status_code == 200
    assert org_a.memberships.get().end == date(2030, 7, 31)


def test_an_uncaught_domain_error_on_get_is_a_400_page_that_says_why(client, officer_a):
    client.force_login(officer_a)
    response = client.get("/rule/")
    assert response.status_code == 400
    assert "This membership has already ended." in response.text


def test_an_uncaught_domain_error_on_post_is_a_message_and_back(client, officer_a):
    client.force_login(officer_a)
    response = client.post("/rule/", HTTP_REFERER="http://testserver/rule/")
    assert response.status_code == 302
