"""The registry's API: what anyone may read, what it never shows, filters, dates and refusals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.roles import UserRole
from coopnet.members import services
from coopnet.members.models import (
    CouncilBudget,
    LocalAuthority,
    Membership,
    Organisation,
    OrganisationKind,
)
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
    local_authority,
)

pytestmark = pytest.mark.django_db

ORGANISATIONS = reverse("api:organisation-list")
MEMBERSHIPS = reverse("api:membership-list")
STATS = reverse("api:membership-stats")

ORG_EMAIL = "enquiries@oldham-council.example"
ORG_PHONE = "0161 770 3000"
LEADER_EMAIL = "leader.private@oldham-council.example"
LEADER_PHONE = "07700 900123"
SUPPORTER_EMAIL = "a.supporter@home.example"
SECRETS = (ORG_EMAIL, ORG_PHONE, LEADER_EMAIL, LEADER_PHONE, SUPPORTER_EMAIL)


def detail(slug: str) -> str:
    return reverse("api:organisation-detail", kwargs={"slug": slug})


@pytest.fixture
def registry() -> dict[str, Any]:
    """A small registry: current, former, hidden and individual members, with contact details."""
    oldham = CouncilFactory(
        la_code="OLD", email=ORG_EMAIL, phone=ORG_PHONE, website="https://o.gov"
    )
    MembershipFactory(organisation=oldham, category=category("full"), start=date(2019, 4, 1))
    leader = PersonFactory(email=LEADER_EMAIL, phone=LEADER_PHONE, is_public=True)
    RoleFactory(organisation=oldham, person=leader)
    kirklees = CouncilFactory(la_code="KIR")
    MembershipFactory(
        organisation=kirklees,
        category=category("full"),
        start=date(2020, 8, 1),
        end=date(2022, 3, 31),
    )
    town = OrganisationFactory(
        name="Shaw and Crompton Parish Council",
        slug="shaw-crompton",
        kind=OrganisationKind.LOCAL_COUNCIL,
        area_authority=local_authority("OLD"),
    )
    MembershipFactory(organisation=town, category=category("associate"), start=date(2021, 1, 1))
    cardiff = CouncilFactory(la_code="CRF")
    MembershipFactory(organisation=cardiff, category=category("full"), start=date(2022, 8, 1))
    coop = OrganisationFactory(name="Co-op Futures", slug="coop-futures", email=ORG_EMAIL)
    MembershipFactory(organisation=coop, category=category("affiliate"), start=date(2020, 8, 1))
    hidden = OrganisationFactory(name="Hidden Trust", slug="hidden-trust", is_public=False)
    MembershipFactory(organisation=hidden, category=category("affiliate"), start=date(2020, 8, 1))
    person = PersonFactory(email=SUPPORTER_EMAIL, slug="a-supporter")
    MembershipFactory(
        organisation=None, person=person, category=category("supporter"), start=date(2021, 1, 1)
    )
    return {"oldham": oldham, "kirklees": kirklees, "town": town, "hidden": hidden}


@pytest.fixture
def officer(registry):
    """A signed-in officer who keeps Oldham's profile: not a network admin."""
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    RoleFactory(person=person, organisation=registry["oldham"], manages_profile=True)
    return user


def sign_in(client: Any, request: Any, who: str) -> None:
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def slugs(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


# --- organisations ------------------------------------------------------------------------------


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
    assert list(response.json()) == [field]
    assert response.json()[field][0]


def test_a_bad_date_on_an_organisation_page_is_refused(client, registry):
    response = client.get(detail("old"), {"as_of": "2022-13-01"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["as_of"][0]


def test_organisation_lists_are_paged(client, registry):
    first = client.get(ORGANISATIONS, {"page_size": 3}).json()
    assert first["count"] == 4
    assert len(first["results"]) == 3
    assert first["next"].endswith("page=2&page_size=3")
    second = client.get(first["next"]).json()
    assert [r["slug"] for r in second["results"]] == ["shaw-crompton"]
    assert client.get(ORGANISATIONS, {"page": 9}).status_code == 404


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


# --- contact details never leave ----------------------------------------------------------------


PUBLIC_READS = [
    ORGANISATIONS,
    detail("old"),
    detail("coop-futures"),
    MEMBERSHIPS,
    f"{MEMBERSHIPS}?organisation=old",
    STATS,
    f"{STATS}?compare_to=2020-01-01",
]


WHO = ["anonymous", "supporter", "officer", "finance_officer", "network_admin"]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("url", PUBLIC_READS)
def test_no_email_or_telephone_in_any_response(client, request, registry, who, url):
    sign_in(client, request, who)
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text
    assert "@" not in text
    assert '"email"' not in text
    assert '"phone"' not in text
    assert '"address"' not in text


# --- memberships --------------------------------------------------------------------------------


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
    assert list(response.json()) == [field]
    assert response.json()[field][0]


# --- statistics ---------------------------------------------------------------------------------


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
        services.membership_start(holder=council, category=full, start=start, by=None)
    services.membership_start(
        holder=kirklees, category=full, start=start, end=date(2022, 3, 31), by=None
    )
    services.membership_start(holder=manchester, category=full, start=date(2022, 1, 1), by=None)
    for kind, joined in (
        (OrganisationKind.LOCAL_COUNCIL, start),
        (OrganisationKind.POLITICAL_GROUP, start),
        (OrganisationKind.LOCAL_COUNCIL, date(2021, 9, 1)),
    ):
        org = OrganisationFactory.create(kind=kind)
        services.membership_start(holder=org, category=associate, start=joined, by=None)
    coop = OrganisationFactory.create()
    moved = services.membership_start(holder=coop, category=affiliate, start=start, by=None)
    services.membership_change_category(
        membership=moved, category=supporter, on=date(2022, 1, 1), by=None
    )
    services.membership_start(
        holder=PersonFactory.create(), category=supporter, start=start, by=None
    )
    CouncilBudget.objects.create(organisation=oldham, financial_year=2021, amount=Decimal("250.50"))
    CouncilBudget.objects.create(organisation=oldham, financial_year=2022, amount=Decimal("300.25"))
    CouncilBudget.objects.create(
        organisation=manchester, financial_year=2022, amount=Decimal("1000")
    )
    CouncilBudget.objects.create(organisation=gmca, financial_year=2022, amount=Decimal("99999"))


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
    errors = response.json()
    assert sorted(errors) == fields
    for field in fields:
        assert isinstance(errors[field][0], str)
        assert errors[field][0]


def test_a_blank_date_means_the_default(client):
    assert client.get(STATS, {"as_of": ""}).json()["as_of"] == timezone.localdate().isoformat()


def test_compare_to_after_as_of_says_why(client):
    response = client.get(STATS, {"as_of": "2021-07-31", "compare_to": "2022-07-31"})
    assert response.json() == {
        "compare_to": ["The comparison date must be on or before 2021-07-31."]
    }


# --- nothing is written -------------------------------------------------------------------------


WRITES = [
    ("post", ORGANISATIONS),
    ("put", detail("old")),
    ("patch", detail("old")),
    ("delete", detail("old")),
    ("post", MEMBERSHIPS),
    ("delete", MEMBERSHIPS),
    ("post", STATS),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "url"), WRITES)
def test_writes_are_refused_and_nothing_changes(client, request, registry, who, method, url):
    sign_in(client, request, who)
    before = (Organisation.objects.count(), Membership.objects.count())
    payload = {"name": "Renamed", "slug": "old", "kind": "principal_council"}
    response = getattr(client, method)(url, payload, content_type="application/json")
    assert response.status_code == 405
    assert "POST" not in response["Allow"]
    assert "GET" in response["Allow"]
    assert (Organisation.objects.count(), Membership.objects.count()) == before
    assert Organisation.objects.get(slug="old").name == "Oldham Metropolitan Borough Council"


def test_a_signed_in_browser_without_a_csrf_token_is_refused_too(registry, network_admin):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(network_admin)
    response = browser.post(
        ORGANISATIONS, {"name": "New", "slug": "new", "kind": "political_group"}
    )
    assert response.status_code in (403, 405)
    assert not Organisation.objects.filter(slug="new").exists()
