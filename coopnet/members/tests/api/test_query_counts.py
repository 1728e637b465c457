"""The API's lists and pages cost the same number of queries however many rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coopnet.members.models import LocalAuthority, OrganisationKind
from coopnet.members.tests.api.helpers import MEMBERSHIPS, ORGANISATIONS, detail
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    category,
    local_authority,
)

pytestmark = pytest.mark.django_db


def make_members(n: int) -> None:
    authorities = LocalAuthority.objects.exclude(la_type=LocalAuthority.COMBINED).order_by("code")
    for la in authorities[: n // 2]:
        council = CouncilFactory(la_code=la.code)
        MembershipFactory(organisation=council, category=category("full"))
        RoleFactory(organisation=council)
    for _ in range(n - n // 2):
        town = OrganisationFactory(
            kind=OrganisationKind.LOCAL_COUNCIL, area_authority=local_authority("OLD")
        )
        MembershipFactory(organisation=town, category=category("associate"))
        MembershipFactory(organisation=None, person=PersonFactory(), category=category("supporter"))


ORGANISATION_QUERIES = 2  # count, page (the current membership is annotated, not fetched per row)
MEMBERSHIP_QUERIES = 2  # count, page with category, organisation and person joined


@pytest.mark.parametrize("rows", [5, 50])
def test_organisation_list_costs_the_same_queries_at_5_and_50_rows(
    client, django_assert_max_num_queries, rows
):
    make_members(rows)
    with django_assert_max_num_queries(ORGANISATION_QUERIES):
        response = client.get(ORGANISATIONS)
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_filtered_organisation_list_costs_the_same_queries_at_5_and_50_rows(
    client, django_assert_max_num_queries, rows
):
    make_members(rows)
    with django_assert_max_num_queries(ORGANISATION_QUERIES + 1):  # + the category looked up
        response = client.get(ORGANISATIONS, {"category": "full", "as_of": "2021-01-01"})
    assert response.json()["count"] == rows // 2


@pytest.mark.parametrize("rows", [5, 50])
def test_membership_list_costs_the_same_queries_at_5_and_50_rows(
    client, django_assert_max_num_queries, rows
):
    make_members(rows)
    with django_assert_max_num_queries(MEMBERSHIP_QUERIES):
        response = client.get(MEMBERSHIPS)
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [2, 30])
def test_organisation_detail_costs_the_same_queries_with_more_history(
    client, django_assert_max_num_queries, rows
):
    council = CouncilFactory(la_code="OLD")
    for year in range(rows):
        start = date(1990 + year, 1, 1)
        MembershipFactory(
            organisation=council,
            category=category("full"),
            start=start,
            end=start + timedelta(days=300),
        )
        RoleFactory(organisation=council, person=PersonFactory(is_public=True))
    with django_assert_max_num_queries(3):  # organisation, its memberships, its public roles
        response = client.get(detail("old"), {"as_of": "1991-06-01"})
    assert response.json()["current_membership"]["start"] == "1991-01-01"


def test_list_query_counts_do_not_grow_with_rows(client):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ORGANISATIONS).status_code == 200
            assert client.get(MEMBERSHIPS).status_code == 200
        return len(queries)

    make_members(5)
    at_5 = count_queries()
    for _ in range(45):
        MembershipFactory(organisation=OrganisationFactory(), category=category("affiliate"))
    assert client.get(ORGANISATIONS).json()["count"] == 50
    assert count_queries() == at_5
