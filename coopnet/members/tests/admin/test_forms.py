"""The registry's rules on the back office's forms, and what it never shows or lets change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.accounts.models import Invitation
from coopnet.accounts.roles import UserRole
from coopnet.members.models import Organisation, OrganisationKind
from coopnet.members.tests.factories import category

pytestmark = pytest.mark.django_db


def _membership_post(org: Organisation, code: str, start: str, end: str = "") -> dict[str, str]:
    return {
        "organisation": str(org.pk),
        "category": str(category(code).pk),
        "start": start,
        "end": end,
        "end_reason": "",
        "source": "",
    }


@pytest.mark.parametrize(
    ("code", "start", "message"),
    [
        ("full", "2021-08-01", "It overlaps another membership from 2020-08-01 to now."),
        (
            "associate",
            "2010-01-01",
            "This kind of organisation (principal council) cannot hold Associate membership.",
        ),
    ],
)
def test_the_membership_admin_keeps_the_registry_rules(
    client, network_admin, org_a, code, start, message
):
    client.force_login(network_admin)
    response = client.post(
        reverse("admin:members_membership_add"), _membership_post(org_a, code, start)
    )
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.non_field_errors())
    assert org_a.memberships.count() == 1


def test_the_membership_admin_saves_a_valid_period(client, network_admin, org_a):
    client.force_login(network_admin)
    current = org_a.memberships.get()
    change = reverse("admin:members_membership_change", args=[current.pk])
    ended = {**_membership_post(org_a, "full", "2020-08-01", "2021-07-31"), "end_reason": "Left"}
    assert client.post(change, ended).status_code == 302
    add = reverse("admin:members_membership_add")
    assert client.post(add, _membership_post(org_a, "full", "2022-08-01")).status_code == 302
    assert org_a.memberships.count() == 2


def test_the_membership_inline_refuses_overlapping_periods(client, network_admin, org_a):
    client.force_login(network_admin)
    current = org_a.memberships.get()
    data = {
        "name": org_a.name,
        "slug": org_a.slug,
        "kind": org_a.kind,
        "local_authority": "OLD",
        "area_authority": "",
        "is_public": "on",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": str(current.pk),
        "memberships-0-organisation": str(org_a.pk),
        "memberships-0-category": str(current.category_id),
        "memberships-0-start": "2020-08-01",
        "memberships-1-organisation": str(org_a.pk),
        "memberships-1-category": str(category("full").pk),
        "memberships-1-start": "2022-01-01",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:members_organisation_change", args=[org_a.pk]), data)
    assert response.status_code == 200
    assert "It overlaps another membership from" in response.content.decode()
    assert org_a.memberships.count() == 1


def test_the_organisation_admin_refuses_a_council_without_its_local_authority(
    client, network_admin
):
    client.force_login(network_admin)
    data = {
        "name": "Somewhere",
        "slug": "somewhere",
        "kind": OrganisationKind.COMBINED_AUTHORITY,
        "local_authority": "MAN",
        "is_public": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:members_organisation_add"), data)
    assert "is a metropolitan district, not a combined authority." in response.content.decode()
    assert not Organisation.objects.exists()


def test_local_authorities_are_read_only(client, network_admin):
    client.force_login(network_admin)
    assert (
        client.get(reverse("admin:members_localauthority_change", args=["OLD"])).status_code == 200
    )
    assert client.get(reverse("admin:members_localauthority_add")).status_code == 403


def test_local_authority_autocomplete_finds_councils(client, network_admin):
    client.force_login(network_admin)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Oldham",
            "app_label": "members",
            "model_name": "organisation",
            "field_name": "local_authority",
        },
    )
    assert response.status_code == 200
    assert {"id": "OLD", "text": "Oldham Metropolitan Borough Council"} in response.json()[
        "results"
    ]


def test_invitation_tokens_are_never_shown(client, network_admin):
    invitation = Invitation.objects.create(
        email="a@example.org", full_name="A", role=UserRole.MEMBER_OFFICER, invited_by=network_admin
    )
    client.force_login(network_admin)
    page = client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))
    assert page.status_code == 200
    assert invitation.token not in page.content.decode()
