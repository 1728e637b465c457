"""The dashboard lists what a person looks after *today*; an ended role gives nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.core import dashboard
from coopnet.core.panels import unregister_panel
from coopnet.members.models import Role

pytestmark = pytest.mark.django_db

EDIT_PAGES = ["members:edit", "members:contacts", "members:contact_add", "members:give_notice"]


def _end_role_yesterday(user) -> None:
    Role.objects.filter(person__user=user).update(end=timezone.localdate() - timedelta(days=1))


def test_an_officer_sees_the_organisation_they_look_after(client, officer_a, org_a, org_b):
    client.force_login(officer_a)
    page = client.get(reverse("site:dashboard")).text
    assert reverse("members:edit", args=[org_a.slug]) in page
    assert reverse("members:edit", args=[org_b.slug]) not in page


def test_an_officer_whose_role_ended_yesterday_no_longer_sees_the_organisation(
    client, officer_a, org_a
):
    _end_role_yesterday(officer_a)
    client.force_login(officer_a)
    page = client.get(reverse("site:dashboard"))
    assert page.status_code == 200
    assert reverse("members:edit", args=[org_a.slug]) not in page.text
    assert "Organisations you look after" not in page.text


def test_a_role_that_ends_today_still_counts_today(client, officer_a, org_a):
    Role.objects.filter(person__user=officer_a).update(end=timezone.localdate())
    client.force_login(officer_a)
    assert reverse("members:edit", args=[org_a.slug]) in client.get(reverse("site:dashboard")).text


def test_a_role_that_starts_tomorrow_does_not_count_yet(client, officer_a, org_a):
    Role.objects.filter(person__user=officer_a).update(
        start=timezone.localdate() + timedelta(days=1)
    )
    client.force_login(officer_a)
    assert (
        reverse("members:edit", args=[org_a.slug]) not in client.get(reverse("site:dashboard")).text
    )


@pytest.mark.parametrize("name", EDIT_PAGES)
def test_an_officer_whose_role_ended_yesterday_is_refused_the_edit_pages(
    client, officer_a, org_a, name
):
    client.force_login(officer_a)
    assert client.get(reverse(name, args=[org_a.slug])).status_code == 200
    _end_role_yesterday(officer_a)
    client.force_login(officer_a)  # a fresh request: nothing remembered from before
    assert client.get(reverse(name, args=[org_a.slug])).status_code == 403


def test_an_ended_officer_cannot_post_a_profile_edit(client, officer_a, org_a):
    _end_role_yesterday(officer_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("members:edit", args=[org_a.slug]), {"description": "Taken over"}
    )
    assert response.status_code == 403
    org_a.refresh_from_db()
    assert org_a.description != "Taken over"


def test_apps_add_panels_to_the_dashboard(client, officer_a):
    dashboard.register_panel(
        "tests.hello",
        template="site/tests/panel.html",
        context=lambda request: {"greeting": "Hello from a panel"},
    )
    dashboard.register_panel(
        "tests.hidden",
        template="site/tests/panel.html",
        context=lambda request: None,  # not for this person
    )
    try:
        client.force_login(officer_a)
        page = client.get(reverse("site:dashboard")).text
        assert page.count("Hello from a panel") == 1
    finally:
        unregister_panel(dashboard.PLACE, "tests.hello")
        unregister_panel(dashboard.PLACE, "tests.hidden")


def test_the_home_page_is_public(client):
    assert client.get(reverse("site:home")).status_code == 200
