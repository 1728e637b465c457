"""The API's membership statistics: counts on a date, joiners and leavers, refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.figures import COVERAGE_KEYS, set_coverage
from coopnet.core.models import ReportedFigure
from coopnet.members import services
from coopnet.members.models import CouncilBudget, OrganisationKind
from coopnet.members.tests.api.helpers import STATS, errors_by_field
from coopnet.members.tests.factories import (
    CouncilFactory,
    OrganisationFactory,
    PersonFactory,
    category,
    local_authority,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def constructed() -> None:
    """Two years of a small network, built through the registry's own service.

    On 31 July 2021: Oldham, Kirklees, GMCA (Full); a town council and a political group
    (Associate); one affiliate; one individual supporter.
    On 31 July 2022: Kirklees has left, Manchester has joined, the affiliate has moved to
    Supporter, a second town council has joined.
    """
    full, associate = category("full"), category("associate")
    affiliate, supporter = category("affiliate"), category("supporter")
    start = date(2020, 8, 1)
    oldham, kirklees = CouncilFactory.create(la_code="OLD"), CouncilFactory.create(la_code="KIR")
    manchester = CouncilFactory.create(la_code="MAN")
    gmca = CouncilFactory.create(la_code="GMCA", kind=OrganisationKind.COMBINED_AUTHORITY)
    for council in (oldham, gmca):
        services.membership_start(holder=council, category=full, start=start, by=System("tests"))
    services.membership_start(
        holder=kirklees, category=full, start=start, end=date(2022, 3, 31), by=System("tests")
    )
    services.membership_start(
        holder=manchester, category=full, start=date(2022, 1, 1), by=System("tests")
    )
    for kind, joined in (
        (OrganisationKind.LOCAL_COUNCIL, start),
        (OrganisationKind.POLITICAL_GROUP, start),
        (OrganisationKind.LOCAL_COUNCIL, date(2021, 9, 1)),
    ):
        org = OrganisationFactory.create(kind=kind)
        services.membership_start(holder=org, category=associate, start=joined, by=System("tests"))
    coop = OrganisationFactory.create()
    moved = services.membership_start(
        holder=coop, category=affiliate, start=start, by=System("tests")
    )
    services.membership_change_category(
        membership=moved, category=supporter, on=date(2022, 1, 1), by=System("tests")
    )
    services.membership_start(
        holder=PersonFactory.create(), category=supporter, start=start, by=System("tests")
    )
    CouncilBudget.objects.create(organisation=oldham, financial_year=2021, amount=Decimal("250.50"))
    CouncilBudget.objects.create(organisation=oldham, financial_year=2022, amount=Decimal("300.25"))
    CouncilBudget.objects.create(
        organisation=manchester, financial_year=2022, amount=Decimal("1000")
    )
    CouncilBudget.objects.create(organisation=gmca, financial_year=2022, amount=Decimal("99999"))
    for key in COVERAGE_KEYS:
        set_coverage(key, start)


def by_category(data: dict[str, Any]) -> dict[str, int]:
    return {row["code"]: row["count"] for row in data["categories"]}


def population(*codes: str) -> int:
    return sum(local_authority(code).population or 0 for code in codes)


def test_stats_on_a_date(client, constructed):
    data = client.get(STATS, {"as_of": "2021-07-31"}).json()
    assert data["as_of"] == "2021-07-31"
    assert data["compare_to"] is None
    assert by_category(data) == {"full": 3, "associate": 2, "affiliate": 1, "supporter": 1}
    assert data["categories"][0] == {
        "code": "full",
        "name": "Full",
        "count": 3,
        "counts_as_member": True,
        "figure": {
            "key": "members-full",
            "computed": 3,
            "covered": True,
            "complete_from": "2020-08-01",
            "reported": [],
            "differs": False,
        },
    }
    assert data["town_and_parish"] == 1
    assert data["members_total"] == 6
    assert data["headline"] == {
        "councils": 3,
        "citizens": population("OLD", "KIR"),
        "budget": "250.50",
        "councils_with_budget": 1,
        "councils_counted_for_population": 2,
        "excluded_combined_authorities": ["Greater Manchester Combined Authority"],
    }
    assert "joiners" not in data
    assert "leavers" not in data


def test_stats_a_year_later_with_joiners_and_leavers(client, constructed):
    data = client.get(STATS, {"as_of": "2022-07-31", "compare_to": "2021-07-31"}).json()
    assert data["compare_to"] == "2021-07-31"
    assert by_category(data) == {"full": 3, "associate": 3, "affiliate": 0, "supporter": 2}
    assert data["town_and_parish"] == 2
    assert data["members_total"] == 6
    assert data["joiners"] == {"full": 1, "associate": 1, "affiliate": 0, "supporter": 1}
    assert data["leavers"] == {"full": 1, "associate": 0, "affiliate": 1, "supporter": 0}
    assert data["headline"]["citizens"] == population("OLD", "MAN")
    assert data["headline"]["budget"] == "1300.25"
    assert data["headline"]["councils_with_budget"] == 2


def test_stats_default_to_today(client, constructed):
    data = client.get(STATS).json()
    assert data["as_of"] == timezone.localdate().isoformat()
    assert by_category(data)["full"] == 3


def test_stats_comparing_a_date_with_itself_has_no_movement(client, constructed):
    data = client.get(STATS, {"as_of": "2022-07-31", "compare_to": "2022-07-31"}).json()
    assert set(data["joiners"].values()) == {0}
    assert set(data["leavers"].values()) == {0}


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"as_of": "2022-02-30"}, ["as_of"]),
        ({"as_of": "31/07/2022"}, ["as_of"]),
        ({"as_of": "2022-7"}, ["as_of"]),
        ({"compare_to": "2021-13-01"}, ["compare_to"]),
        ({"compare_to": "last year"}, ["compare_to"]),
        ({"as_of": "2021-07-31", "compare_to": "2022-07-31"}, ["compare_to"]),
        ({"as_of": "nonsense", "compare_to": "2021-02-29"}, ["as_of", "compare_to"]),
    ],
)
def test_bad_stats_dates_are_refused_with_a_message_per_field(client, params, fields):
    response = client.get(STATS, params)
    assert response.status_code == 400
    errors = errors_by_field(response)
    assert sorted(errors) == fields
    for field in fields:
        assert isinstance(errors[field][0], str)
        assert errors[field][0]


def test_a_blank_date_means_the_default(client):
    assert client.get(STATS, {"as_of": ""}).json()["as_of"] == timezone.localdate().isoformat()


def test_compare_to_after_as_of_says_why(client):
    response = client.get(STATS, {"as_of": "2021-07-31", "compare_to": "2022-07-31"})
    assert response.json() == {
        "type": "validation_error",
        "errors": [
            {
                "code": "invalid",
                "detail": "The comparison date must be on or before 2021-07-31.",
                "attr": "compare_to",
            }
        ],
    }


REVIEW = "Review of the Year 2021/22"


def publish(key: str, on: date, value: int, source: str = REVIEW) -> None:
    ReportedFigure.objects.create(key=key, as_of=on, value=value, source=source)


def figure_of(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(f for f in data["figures"] if f["key"] == key)


def test_before_the_records_begin_no_count_is_computed_and_the_published_figure_is_given(
    client, constructed
):
    set_coverage("members-full", date(2021, 8, 1))
    publish("members-full", date(2021, 7, 31), 33)
    data = client.get(STATS, {"as_of": "2021-07-31"}).json()
    full = data["categories"][0]
    assert full["count"] is None
    assert full["figure"]["covered"] is False
    assert full["figure"]["computed"] is None
    assert full["figure"]["complete_from"] == "2021-08-01"
    assert full["figure"]["reported"] == [
        {"value": 33, "qualifier": "", "source": REVIEW, "note": ""}
    ]
    # Totals drawn from Full members are not covered either: never a partial count.
    assert data["members_total"] is None
    assert data["headline"]["councils"] is None
    assert data["headline"]["citizens"] is None
    assert figure_of(data, "members-total")["computed"] is None


def test_partly_recorded_associates_are_not_recorded_never_the_partial_count(client, constructed):
    set_coverage("members-associate", None)
    publish("members-associate", date(2022, 7, 31), 22)
    data = client.get(STATS, {"as_of": "2022-07-31"}).json()
    associate = {c["code"]: c for c in data["categories"]}["associate"]
    assert associate["count"] is None
    assert associate["figure"]["computed"] is None
    assert associate["figure"]["complete_from"] is None
    assert associate["figure"]["reported"][0]["value"] == 22
    assert by_category(data)["full"] == 3


def test_a_computed_count_beside_two_different_published_ones_is_flagged(client, constructed):
    publish("members-full", date(2022, 7, 31), 3, "Strategy 2024-2026")
    publish("members-full", date(2022, 7, 31), 4, "Strategy 2024-2026, second table")
    full = figure_of(client.get(STATS, {"as_of": "2022-07-31"}).json(), "members-full")
    assert full["computed"] == 3
    assert full["differs"] is True
    assert [r["source"] for r in full["reported"]] == [
        "Strategy 2024-2026",
        "Strategy 2024-2026, second table",
    ]


def test_the_budget_is_null_until_council_budgets_are_covered(client, constructed):
    set_coverage("council-budgets", None)
    publish("councils-budget", date(2022, 7, 31), 15_000_000_000)
    data = client.get(STATS, {"as_of": "2022-07-31"}).json()
    assert data["headline"]["budget"] is None
    budget = figure_of(data, "councils-budget")
    assert budget["covered"] is False
    assert budget["reported"][0]["value"] == 15_000_000_000
    assert data["headline"]["citizens"] == population("OLD", "MAN")
