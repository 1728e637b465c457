"""The API's memberships: organisations' for anyone, individuals' only for admins."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from coopnet.members.tests.api.helpers import MEMBERSHIPS, errors_by_field, sign_in
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

pytestmark = pytest.mark.django_db


def holders(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["holder"]["slug"] for row in response.json()["results"]]


def test_anyone_sees_organisations_memberships_but_not_individuals(client, registry):
    response = client.get(MEMBERSHIPS)
    assert sorted(holders(response)) == ["coop-futures", "crf", "kir", "old", "shaw-crompton"]
    row = next(r for r in response.json()["results"] if r["holder"]["slug"] == "kir")
    assert row == {
        "id": row["id"],
        "category": "full",
        "category_name": "Full",
        "organisation": "kir",
        "holder": {"type": "organisation", "slug": "kir", "name": "Kirklees Council"},
        "start": "2020-08-01",
        "end": "2022-03-31",
        "start_is_approximate": False,
        "source": "",
    }


@pytest.mark.parametrize("who", ["supporter", "officer", "finance_officer"])
def test_signed_in_non_admins_do_not_see_individuals_either(client, request, registry, who):
    sign_in(client, request, who)
    seen = holders(client.get(MEMBERSHIPS))
    assert "a-supporter" not in seen
    assert "hidden-trust" not in seen


def test_a_network_admin_sees_every_membership(client, registry, network_admin):
    client.force_login(network_admin)
    response = client.get(MEMBERSHIPS)
    assert {"a-supporter", "hidden-trust"} <= set(holders(response))
    row = next(r for r in response.json()["results"] if r["holder"]["slug"] == "a-supporter")
    assert row["organisation"] is None
    assert row["holder"]["type"] == "person"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "full"}, ["crf", "kir", "old"]),
        ({"category": "associate"}, ["shaw-crompton"]),
        ({"category": "supporter"}, []),
        ({"organisation": "kir"}, ["kir"]),
        ({"organisation": "hidden-trust"}, []),
        ({"as_of": "2021-06-01"}, ["coop-futures", "kir", "old", "shaw-crompton"]),
        ({"as_of": "2022-06-01", "category": "full"}, ["old"]),
        ({"as_of": "2019-04-01"}, ["old"]),
        ({"as_of": "2019-03-31"}, []),
        ({"active": "true"}, ["coop-futures", "crf", "old", "shaw-crompton"]),
        ({"active": "false"}, ["kir"]),
        ({"active": "false", "category": "affiliate"}, []),
    ],
)
def test_membership_filters(client, registry, params, expected):
    assert sorted(holders(client.get(MEMBERSHIPS, params))) == expected


def test_a_membership_that_has_not_started_is_not_active(client, registry):
    later = OrganisationFactory(slug="joins-next-year")
    MembershipFactory(
        organisation=later,
        category=category("affiliate"),
        start=timezone.localdate() + timedelta(days=365),
    )
    assert "joins-next-year" in holders(client.get(MEMBERSHIPS, {"active": "false"}))
    assert "joins-next-year" not in holders(client.get(MEMBERSHIPS, {"active": "true"}))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"as_of": "2021-02-29"}, "as_of"),
        ({"as_of": "June 2021"}, "as_of"),
        ({"active": "maybe"}, "active"),
        ({"category": "gold"}, "category"),
    ],
)
def test_bad_membership_filters_are_refused_with_a_message(client, registry, params, field):
    response = client.get(MEMBERSHIPS, params)
    assert response.status_code == 400
    errors = errors_by_field(response)
    assert list(errors) == [field]
    assert errors[field][0]
