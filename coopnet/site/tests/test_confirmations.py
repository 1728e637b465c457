"""Destructive actions ask for confirmation on a page of their own: a POST without it changes
nothing. (Moving an election on: coopnet/governance/elections/tests/test_confirmations.py.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.finance.budgets.models import ProjectionAssumption
from coopnet.finance.budgets.tests.factories import make_budget
from coopnet.members.models import Role
from coopnet.members.tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def test_ending_a_role_asks_first_and_a_bare_post_ends_nothing(client, officer_a, org_a):
    role = RoleFactory(organisation=org_a, person__full_name="Grace Hopper")
    url = reverse("members:contact_end", args=[org_a.slug, role.pk])
    client.force_login(officer_a)
    page = client.get(url)
    assert page.status_code == 200
    assert "End Grace Hopper’s role" in page.text
    assert "This is your own role" not in page.text
    assert client.post(url).status_code == 200
    role.refresh_from_db()
    assert role.end is None
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    role.refresh_from_db()
    assert role.end is not None


def test_ending_your_own_role_warns_you(client, officer_a, org_a):
    own = Role.objects.get(person__user=officer_a, organisation=org_a)
    client.force_login(officer_a)
    page = client.get(reverse("members:contact_end", args=[org_a.slug, own.pk])).text
    assert "This is your own role" in page
    own.refresh_from_db()
    assert own.end is None


def test_the_contacts_page_links_to_the_confirmation(client, officer_a, org_a):
    role = RoleFactory(organisation=org_a)
    client.force_login(officer_a)
    page = client.get(reverse("members:contacts", args=[org_a.slug])).text
    assert f'href="{reverse("members:contact_end", args=[org_a.slug, role.pk])}"' in page


def test_removing_an_assumption_asks_first_and_a_bare_post_removes_nothing(client, network_admin):
    budget = make_budget(2021)
    assumption = budget.assumptions.first()
    url = reverse("budgets:assumption_remove", args=[2021, assumption.pk])
    client.force_login(network_admin)
    page = client.get(url)
    assert page.status_code == 200
    assert "Remove this assumption" in page.text
    assert client.post(url).status_code == 200
    assert ProjectionAssumption.objects.filter(pk=assumption.pk).exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not ProjectionAssumption.objects.filter(pk=assumption.pk).exists()
