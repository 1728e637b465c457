"""The API's organisations: what anyone may read, filters, dates, paging, refusals."""

from __future__ import annotations

import pytest

from coopnet.members.tests.api.helpers import ORGANISATIONS, detail, errors_by_field, slugs
from coopnet.members.tests.factories import local_authority

pytestmark = pytest.mark.django_db


def test_anyone_can_read_the_organisations_without_signing_in(client, registry):
    response = client.get(ORGANISATIONS)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert slugs(response) == ["crf", "coop-futures", "old", "shaw-crompton"]


def test_a_council_carries_its_local_authority_and_current_membership(client, registry):
    row = client.get(detail("old")).json()
    assert row["name"] == "Oldham Metropolitan Borough Council"
    assert row["kind"] == "principal_council"
    assert row["website"] == "https://o.gov"
    assert row["local_authority"] == {
        "code": "OLD",
        "gss_code": "E08000004",
        "official_name": "Oldham Metropolitan Borough Council",
        "nation": "England",
        "region": "North West",
        "population": local_authority("OLD").population,
        "org_id": "GB-LAE-OLD",
    }
    assert row["area_authority"] is None
    assert row["current_membership"] == {
        "category": "full",
        "category_name": "Full",
        "start": "2019-04-01",
    }
    assert row["url"] == "http://testserver" + detail("old")
    assert row["web_url"] == "http://testserver" + registry["oldham"].get_absolute_url()


def test_a_town_council_carries_its_council_area(client, registry):
    row = client.get(detail("shaw-crompton")).json()
    assert row["local_authority"] is None
    assert row["area_authority"] == "OLD"
    assert (row["nation"], row["region"]) == ("England", "North West")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "principal_council"}, ["crf", "old"]),
        ({"kind": "local_council"}, ["shaw-crompton"]),
        ({"category": "full"}, ["crf", "old"]),
        ({"category": "affiliate"}, ["coop-futures"]),
        ({"nation": "Wales"}, ["crf"]),
        ({"region": "North West"}, ["old", "shaw-crompton"]),
        ({"q": "oldham"}, ["old"]),
        ({"q": "  crompton "}, ["shaw-crompton"]),
        ({"category": "full", "nation": "England"}, ["old"]),
        ({"q": "nobody by this name"}, []),
    ],
)
def test_organisation_filters(client, registry, params, expected):
    assert slugs(client.get(ORGANISATIONS, params)) == expected


def test_as_of_lists_the_members_on_that_date(client, registry):
    # Kirklees was a member from August 2020 to March 2022; Cardiff joined in August 2022.
    on_2021 = slugs(client.get(ORGANISATIONS, {"as_of": "2021-06-01", "category": "full"}))
    assert on_2021 == ["kir", "old"]
    on_2022 = slugs(client.get(ORGANISATIONS, {"as_of": "2022-06-01", "category": "full"}))
    assert on_2022 == ["old"]
    assert slugs(client.get(ORGANISATIONS, {"category": "full"})) == ["crf", "old"]


def test_as_of_on_the_last_day_still_counts(client, registry):
    assert "kir" in slugs(client.get(ORGANISATIONS, {"as_of": "2022-03-31"}))
    assert "kir" not in slugs(client.get(ORGANISATIONS, {"as_of": "2022-04-01"}))


def test_a_former_member_has_a_page_and_its_membership_on_a_past_date(client, registry):
    today = client.get(detail("kir"))
    assert today.status_code == 200
    assert today.json()["current_membership"] is None
    then = client.get(detail("kir"), {"as_of": "2021-06-01"}).json()
    assert then["current_membership"] == {
        "category": "full",
        "category_name": "Full",
        "start": "2020-08-01",
    }


def test_organisations_not_shown_publicly_are_not_found(client, registry, network_admin):
    assert "hidden-trust" not in slugs(client.get(ORGANISATIONS, {"page_size": 200}))
    assert client.get(detail("hidden-trust")).status_code == 404
    client.force_login(network_admin)
    assert client.get(detail("hidden-trust")).status_code == 404
    assert client.get(detail("no-such-organisation")).status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"as_of": "2022-02-30"}, "as_of"),
        ({"as_of": "31/07/2022"}, "as_of"),
        ({"as_of": "yesterday"}, "as_of"),
        ({"as_of": "2022-07-31T00:00:00"}, "as_of"),
        ({"kind": "county"}, "kind"),
        ({"category": "platinum"}, "category"),
    ],
)
def test_bad_organisation_filters_are_refused_with_a_message(client, registry, params, field):
    response = client.get(ORGANISATIONS, params)
    assert response.status_code == 400
    errors = errors_by_field(response)
    assert list(errors) == [field]
    assert errors[field][0]


def test_a_bad_date_on_an_organisation_page_is_refused(client, registry):
    response = client.get(detail("old"), {"as_of": "2022-13-01"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in errors_by_field(response)["as_of"][0]


def test_organisation_lists_are_paged(client, registry):
    first = client.get(ORGANISATIONS, {"page_size": 3}).json()
    assert first["count"] == 4
    assert len(first["results"]) == 3
    assert first["next"].endswith("page=2&page_size=3")
    second = client.get(first["next"]).json()
    assert [r["slug"] for r in second["results"]] == ["shaw-crompton"]
    assert client.get(ORGANISATIONS, {"page": 9}).status_code == 404
