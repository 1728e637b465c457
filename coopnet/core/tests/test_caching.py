"""Public pages are remembered for visitors who are not signed in, and never served stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from coopnet.core.models import ReportedFigure
from coopnet.members import services
from coopnet.members.models import Organisation
from coopnet.members.tests.factories import PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_a_remembered_page_costs_one_query(client, org_a, django_assert_num_queries):
    first = client.get(org_a.get_absolute_url())
    with django_assert_num_queries(1):
        again = client.get(org_a.get_absolute_url())
    assert again.content == first.content


def test_an_officers_edit_shows_at_once_on_the_public_page(client, org_a, officer_a):
    assert "Run by its residents" not in client.get(org_a.get_absolute_url()).text
    services.organisation_update_profile(
        organisation=org_a,
        by=officer_a,
        profile=replace(services.OrganisationProfile.of(org_a), description="Run by its residents"),
    )
    assert "Run by its residents" in client.get(org_a.get_absolute_url()).text


def test_a_person_withdrawing_from_public_view_disappears_at_once(client, org_a):
    person = PersonFactory(full_name="Megan Lloyd", is_public=True)
    RoleFactory(organisation=org_a, person=person)
    assert "Megan Lloyd" in client.get(org_a.get_absolute_url()).text
    person.is_public = False
    person.save()
    assert "Megan Lloyd" not in client.get(org_a.get_absolute_url()).text


def test_a_corrected_published_figure_shows_at_once_on_the_home_page(client, org_a):
    figure = ReportedFigure.objects.create(
        key="councils-citizens", as_of=date(2022, 7, 31), value=9_100_000, source="Review"
    )
    assert "9.1m citizens" in client.get("/").text
    figure.value = 9_200_000
    figure.save()
    assert "9.2m citizens" in client.get("/").text


def test_signed_in_people_never_get_the_visitors_page(client, org_a, officer_a):
    client.get(org_a.get_absolute_url())  # remembered for visitors
    client.force_login(officer_a)
    page = client.get(org_a.get_absolute_url()).text
    assert "Sign out" in page
    assert "Edit profile" in page


def test_a_message_waiting_for_a_visitor_is_shown_not_swallowed(client, officer_a):
    client.get("/")  # remembered for visitors
    client.force_login(officer_a)
    response = client.post(reverse("account_logout"), follow=True)
    assert "You have signed out" in response.text


def test_welsh_and_english_are_remembered_separately(client, org_a):
    english = client.get("/").text
    client.cookies["django_language"] = "cy"
    welsh = client.get("/").text
    assert 'lang="cy"' in welsh
    assert 'lang="en-gb"' in english


def test_public_pages_carry_no_csrf_token_or_cookie(client, org_a):
    for url in ("/", reverse("members:directory"), org_a.get_absolute_url()):
        response = client.get(url)
        assert "csrfmiddlewaretoken" not in response.text
        assert "csrftoken" not in response.cookies


def test_a_bulk_update_shows_at_once_on_the_public_page(client, org_a):
    """`.update()` writes no history and sends no signal; the version moves on all the same."""
    assert "Owned by its members" not in client.get(org_a.get_absolute_url()).text
    Organisation.objects.filter(pk=org_a.pk).update(description="Owned by its members")
    assert "Owned by its members" in client.get(org_a.get_absolute_url()).text
