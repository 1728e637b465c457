"""The synthetic network for benchmarks: valid, deterministic, and never mixed with real data."""

from __future__ import annotations

import random
from collections import defaultdict
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command

from coopnet.core.periods import overlaps
from coopnet.demo.synthetic import (
    SyntheticDataError,
    SyntheticSize,
    generate,
    kind_counts,
    periods_per_holder,
)
from coopnet.members.models import (
    COUNCIL_KINDS,
    CouncilBudget,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from coopnet.members.tests.factories import OrganisationFactory

TENTH = 0.1  # 12 organisations, 50 people, 30 membership periods


def snapshot() -> tuple[list[str], list[str], list[tuple[str, str, str | None]]]:
    organisations = list(Organisation.objects.order_by("pk").values_list("name", flat=True))
    people = list(Person.objects.order_by("pk").values_list("full_name", flat=True))
    memberships = [
        (m.category.code, m.start.isoformat(), m.end.isoformat() if m.end else None)
        for m in Membership.objects.select_related("category").order_by("pk")
    ]
    return organisations, people, memberships


def wipe_registry() -> None:
    for model in (Membership, Role, CouncilBudget, Person, Organisation):
        model.objects.all().delete()


@pytest.mark.django_db
def test_a_tenth_of_the_seeds_gives_the_sizes_asked_for() -> None:
    summary = generate(scale=TENTH, seed=1)
    assert (summary.organisations, summary.people, summary.memberships) == (12, 50, 30)
    assert Organisation.objects.count() == 12
    assert Person.objects.count() == 50
    assert Membership.objects.count() == 30
    assert Role.objects.exists()
    assert Membership.history.count() == 30  # every row has its history row, as real writes do
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert OrganisationKind.PRINCIPAL_COUNCIL in kinds
    assert OrganisationKind.AFFILIATE_ORGANISATION in kinds


@pytest.mark.django_db
def test_no_holder_has_overlapping_memberships() -> None:
    generate(scale=TENTH, seed=2)
    periods = defaultdict(list)
    for m in Membership.objects.all():
        assert m.end is None or m.end >= m.start
        periods[(m.organisation_id, m.person_id)].append((m.start, m.end))
    assert any(len(p) > 1 for p in periods.values())
    for holder_periods in periods.values():
        ordered = sorted(holder_periods, key=lambda period: period[0])
        for (a_start, a_end), (b_start, b_end) in pairwise(ordered):
            assert not overlaps(a_start, a_end, b_start, b_end)


@pytest.mark.django_db
def test_every_category_is_one_the_holder_may_hold() -> None:
    generate(scale=TENTH, seed=3)
    for m in Membership.objects.select_related("category", "organisation"):
        if m.organisation is None:
            assert m.category.allows_individuals
        else:
            assert m.category.allows_kind(m.organisation.kind), (m.organisation.kind, m.category)


@pytest.mark.django_db
def test_councils_link_to_distinct_real_local_authorities() -> None:
    generate(scale=TENTH, seed=4)
    councils = Organisation.objects.filter(kind__in=COUNCIL_KINDS)
    assert councils.exists()
    assert not councils.filter(local_authority__isnull=True).exists()
    linked = list(councils.values_list("local_authority_id", flat=True))
    assert len(linked) == len(set(linked))


@pytest.mark.django_db
def test_history_is_mixed_ended_periods_have_reasons_and_some_people_are_public() -> None:
    generate(scale=TENTH, seed=5)
    ended = Membership.objects.filter(end__isnull=False)
    assert ended.exists()
    assert Membership.objects.filter(end__isnull=True).exists()
    assert not ended.filter(end_reason="").exists()
    public = set(Person.objects.values_list("is_public", flat=True))
    assert public == {True, False}


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_network_and_another_seed_another() -> None:
    generate(scale=TENTH, seed=6)
    first = snapshot()
    wipe_registry()
    generate(scale=TENTH, seed=6)
    assert snapshot() == first
    wipe_registry()
    generate(scale=TENTH, seed=7)
    assert snapshot()[0] != first[0]


@pytest.mark.django_db
def test_refuses_a_database_that_already_holds_organisations() -> None:
    OrganisationFactory(name="Real Co-operative")
    with pytest.raises(SyntheticDataError, match="empty database"):
        generate(scale=TENTH)
    with pytest.raises(CommandError, match="empty database"):
        call_command("generate_synthetic", "--scale", str(TENTH))
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Real Co-operative"]
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_what_it_generated() -> None:
    out = StringIO()
    call_command("generate_synthetic", "--scale", str(TENTH), "--seed", "8", stdout=out)
    assert "12 organisations" in out.getvalue()
    assert "30 membership periods" in out.getvalue()


def test_a_scale_of_zero_is_refused() -> None:
    with pytest.raises(SyntheticDataError):
        SyntheticSize.at_scale(0)


def test_at_100x_councils_beyond_the_local_authority_table_become_other_kinds() -> None:
    counts = kind_counts(12_000, principal_available=383, combined_available=14)
    assert sum(counts.values()) == 12_000
    assert counts[OrganisationKind.PRINCIPAL_COUNCIL] == 383
    assert counts[OrganisationKind.COMBINED_AUTHORITY] == 14
    local = counts[OrganisationKind.LOCAL_COUNCIL] + counts[OrganisationKind.POLITICAL_GROUP]
    assert local > 10 * (383 + 14)


def test_periods_are_spread_one_each_then_at_random_up_to_the_cap() -> None:
    counts = periods_per_holder(random.Random(0), 120, 290)
    assert sum(counts) == 290
    assert min(counts) == 1
    assert max(counts) <= 5
    assert sum(periods_per_holder(random.Random(0), 10, 4)) == 4
