"""The registry answers questions about any date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from coopnet.members import selectors
from coopnet.members.models import CouncilBudget, OrganisationKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    category,
    local_authority,
)

pytestmark = pytest.mark.django_db


def counts(on: date) -> dict[str, int]:
    return {c.code: c.count for c in selectors.category_counts(on)}


def test_who_was_a_member_on_a_date_is_exact_to_the_day():
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(
        organisation=council,
        category=category("full"),
        start=date(2020, 8, 1),
        end=date(2022, 7, 31),
    )
    assert counts(date(2020, 7, 31))["full"] == 0
    assert counts(date(2020, 8, 1))["full"] == 1
    assert counts(date(2022, 7, 31))["full"] == 1
    assert counts(date(2022, 8, 1))["full"] == 0
    members = list(selectors.memberships_on(date(2021, 1, 1)))
    assert [m.organisation for m in members] == [council]


def test_town_and_parish_councils_are_counted_inside_associates():
    town = OrganisationFactory(kind=OrganisationKind.LOCAL_COUNCIL)
    group = OrganisationFactory(kind=OrganisationKind.POLITICAL_GROUP)
    for org in (town, group):
        MembershipFactory(organisation=org, category=category("associate"))
    stats = selectors.membership_stats(date(2022, 7, 31))
    assert counts(date(2022, 7, 31))["associate"] == 2
    assert stats.town_and_parish == 1


def test_supporters_are_not_counted_as_members():
    MembershipFactory(organisation=None, person=PersonFactory(), category=category("supporter"))
    MembershipFactory(category=category("affiliate"))
    stats = selectors.membership_stats(date(2022, 7, 31))
    assert {c.code: c.count for c in stats.categories}["supporter"] == 1
    assert stats.members_total == 1


def test_joiners_and_leavers_between_two_dates_per_category():
    stays = CouncilFactory(la_code="OLD")
    leaves = CouncilFactory(la_code="KIR")
    joins = CouncilFactory(la_code="STV")
    moves = OrganisationFactory(kind=OrganisationKind.POLITICAL_GROUP)
    MembershipFactory(organisation=stays, category=category("full"), start=date(2019, 1, 1))
    MembershipFactory(
        organisation=leaves,
        category=category("full"),
        start=date(2019, 1, 1),
        end=date(2021, 12, 31),
    )
    MembershipFactory(organisation=joins, category=category("full"), start=date(2022, 1, 1))
    MembershipFactory(
        organisation=moves,
        category=category("supporter"),
        start=date(2019, 1, 1),
        end=date(2021, 12, 31),
    )
    MembershipFactory(organisation=moves, category=category("associate"), start=date(2022, 1, 1))
    stats = selectors.membership_stats(date(2022, 7, 31), compare_to=date(2021, 7, 31))
    assert stats.joiners["full"] == 1
    assert stats.leavers["full"] == 1
    assert stats.joiners["associate"] == 1
    assert stats.leavers["supporter"] == 1


def test_headline_never_counts_a_combined_authoritys_citizens_twice():
    oldham = CouncilFactory(la_code="OLD")
    gmca = CouncilFactory(la_code="GMCA", kind=OrganisationKind.COMBINED_AUTHORITY)
    for org in (oldham, gmca):
        MembershipFactory(organisation=org, category=category("full"))
    h = selectors.headline(date(2022, 7, 31))
    assert h.councils == 2
    assert h.citizens == local_authority("OLD").population
    assert h.excluded_combined_authorities == [gmca.name]


def test_headline_budget_uses_the_financial_year_of_the_date_or_the_latest_before():
    oldham = CouncilFactory(la_code="OLD")
    kirklees = CouncilFactory(la_code="KIR")
    for org in (oldham, kirklees):
        MembershipFactory(organisation=org, category=category("full"))
    CouncilBudget.objects.create(organisation=oldham, financial_year=2021, amount=Decimal("100.00"))
    CouncilBudget.objects.create(organisation=oldham, financial_year=2022, amount=Decimal("150.50"))
    CouncilBudget.objects.create(organisation=oldham, financial_year=2023, amount=Decimal("999.00"))
    h = selectors.headline(date(2022, 7, 31))  # financial year 2022/23
    assert h.budget == Decimal("150.50")
    assert h.councils_with_budget == 1
    assert selectors.headline(date(2022, 3, 31)).budget == Decimal("100.00")


def test_ended_and_non_counting_memberships_are_not_in_the_headline():
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(organisation=council, category=category("full"), end=date(2021, 1, 1))
    assert selectors.headline(date(2022, 7, 31)).councils == 0


def test_directory_filters_combine_and_hide_private_organisations():
    oldham = CouncilFactory(la_code="OLD")
    cardiff = CouncilFactory(la_code="CRF")
    hidden = CouncilFactory(la_code="KIR", is_public=False)
    affiliate = OrganisationFactory(name="Co-operatives UK")
    for org in (oldham, cardiff, hidden):
        MembershipFactory(organisation=org, category=category("full"))
    MembershipFactory(organisation=affiliate, category=category("affiliate"))
    today = date(2023, 1, 1)

    def names(**kw: Any) -> list[str]:
        return [o.name for o in selectors.directory(selectors.DirectoryFilters(**kw), today)]

    assert names() == sorted([oldham.name, cardiff.name, affiliate.name])
    assert names(nation="Wales") == [cardiff.name]
    assert names(category="affiliate") == [affiliate.name]
    assert names(category="full", region="North West") == [oldham.name]
    assert names(q="cardiff") == [cardiff.name]
    assert names(kind=OrganisationKind.AFFILIATE_ORGANISATION) == [affiliate.name]


def test_cached_figures_change_as_soon_as_the_registry_does(network_admin):
    from coopnet.members import services

    council = CouncilFactory(la_code="OLD")
    on = date(2022, 7, 31)
    assert selectors.membership_stats_cached(on).headline.councils == 0
    m = services.membership_start(
        holder=council, category=category("full"), start=date(2021, 8, 1), by=network_admin
    )
    assert selectors.membership_stats_cached(on).headline.councils == 1
    services.membership_end(membership=m, end=date(2022, 1, 1), reason="Left", by=network_admin)
    assert selectors.membership_stats_cached(on).headline.councils == 0


def test_cached_figures_are_served_without_recomputing(django_assert_num_queries):
    MembershipFactory(category=category("affiliate"))
    selectors.membership_stats_cached(date(2022, 7, 31))
    with django_assert_num_queries(1):  # the registry version only
        stats = selectors.membership_stats_cached(date(2022, 7, 31))
    assert stats.members_total == 1
