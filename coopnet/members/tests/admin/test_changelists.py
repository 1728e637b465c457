"""Back-office changelists whose cost does not grow with the rows, and pages that render."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.models import Invitation
from coopnet.accounts.roles import UserRole
from coopnet.core.models import ReportedFigure
from coopnet.members.models import CouncilBudget, OrganisationKind
from coopnet.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
)

pytestmark = pytest.mark.django_db

PRINCIPLE_QUERIES = 5


def _rows(n: int, admin_user: Any) -> None:
    today = timezone.localdate()
    for i in range(n):
        org: Any = OrganisationFactory(
            kind=OrganisationKind.AFFILIATE_ORGANISATION, area_authority_id="OLD"
        )
        MembershipFactory(organisation=org, start=today - timedelta(days=400 + i), end=None)
        RoleFactory(organisation=org, person=PersonFactory())
        CouncilBudget.objects.create(organisation=org, financial_year=2022, amount=1000 + i)
        ReportedFigure.objects.create(
            key="members", as_of=date(2000 + i, 7, 31), value=i, source="x"
        )
        Invitation.objects.create(
            email=f"i{i}@example.org",
            full_name="I",
            organisation=org,
            role=UserRole.MEMBER_OFFICER,
            invited_by=admin_user,
        )


# Pinned: the same number of queries whatever the number of rows.
CHANGELISTS = {
    "members_organisation": 8,
    "members_membership": 11,
    "members_person": 8,
    "members_role": 8,
    "members_councilbudget": 9,
    "members_localauthority": 10,
    "members_membershipcategory": 8,
    "accounts_invitation": 10,
    "core_reportedfigure": 11,
}


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize(("name", "queries"), CHANGELISTS.items())
def test_changelists_cost_the_same_queries_at_5_and_50_rows(
    client, network_admin, django_assert_max_num_queries, rows, name, queries
):
    _rows(rows, network_admin)
    client.force_login(network_admin)
    url = reverse(f"admin:{name}_changelist")
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_principles_render_for_a_superuser(client, django_assert_max_num_queries):
    """Network admins need core.view_principle in accounts/roles.py to see this page."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with django_assert_max_num_queries(PRINCIPLE_QUERIES):
        response = client.get(reverse("admin:core_principle_changelist"))
    assert response.status_code == 200
    assert "Co-production" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?nation=England", "?membership=current", "?membership=ended", "?membership=never"]
)
def test_organisation_filters_render(client, network_admin, org_a, query):
    client.force_login(network_admin)
    response = client.get(reverse("admin:members_organisation_changelist") + query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ["?status=current", "?status=ended", "?status=future", "?nation=Wales"]
)
def test_membership_filters_render(client, network_admin, org_a, query):
    client.force_login(network_admin)
    response = client.get(reverse("admin:members_membership_changelist") + query)
    assert response.status_code == 200


def test_change_add_and_history_pages_render_for_a_network_admin(client, network_admin, org_a):
    role: Any = RoleFactory(organisation=org_a)
    membership = org_a.memberships.get()
    budget = CouncilBudget.objects.create(organisation=org_a, financial_year=2022, amount=1)
    figure = ReportedFigure.objects.create(key="m", as_of=date(2022, 7, 31), value=1, source="x")
    client.force_login(network_admin)
    pages = [
        reverse("admin:members_organisation_change", args=[org_a.pk]),
        reverse("admin:members_organisation_history", args=[org_a.pk]),
        reverse("admin:members_organisation_add"),
        reverse("admin:members_membership_change", args=[membership.pk]),
        reverse("admin:members_membership_history", args=[membership.pk]),
        reverse("admin:members_membership_add"),
        reverse("admin:members_person_change", args=[role.person.pk]),
        reverse("admin:members_role_change", args=[role.pk]),
        reverse("admin:members_councilbudget_change", args=[budget.pk]),
        reverse("admin:members_membershipcategory_change", args=[category("full").pk]),
        reverse("admin:core_reportedfigure_change", args=[figure.pk]),
        reverse("admin:index"),
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page


def test_a_network_admin_changes_which_kinds_may_hold_a_category(client, network_admin):
    client.force_login(network_admin)
    full = category("full")
    response = client.post(
        reverse("admin:members_membershipcategory_change", args=[full.pk]),
        {
            "name": "Full",
            "description": full.description,
            "counts_as_member": "on",
            "allowed_kinds": ["principal_council"],
            "order": "1",
        },
    )
    assert response.status_code == 302
    full.refresh_from_db()
    assert full.allowed_kinds == ["principal_council"]
