"""Reads of the registry. Each returns a queryset or value with its joins already set."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Lower
from django.utils import timezone

from coopnet.core.caching import remember_public
from coopnet.core.figures import Figure, figures
from coopnet.core.periods import current_on_q, overlapping_q

from .models import (
    COUNCIL_KINDS,
    CouncilBudget,
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)

TOWN_AND_PARISH = "town_and_parish"
# The reported figures' (and coverage) key of each category's count (coopnet.core.figures).
CATEGORY_FIGURE_KEYS = {
    "full": "members-full",
    "associate": "members-associate",
    "affiliate": "members-affiliate",
    "supporter": "supporters",
}
TOWN_AND_PARISH_KEY = "members-town-and-parish"
STATS_CACHE_SECONDS = 3600


def memberships_on(on: date) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(current_on_q(on))
        .select_related("category", "organisation", "person")
        .order_by("category__order", "organisation__name", "person__full_name")
    )


def memberships_listing(*, include_private: bool) -> QuerySet[Membership]:
    """Memberships newest first. The public see organisations' memberships only, and only of
    organisations shown publicly; individuals' memberships are published as counts alone."""
    qs = Membership.objects.select_related("category", "organisation", "person").order_by(
        "-start", "pk"
    )
    return qs if include_private else qs.filter(organisation__is_public=True)


def organisations_with_membership_count(on: date) -> int:
    """How many organisations hold a membership on `on` (any category), remembered until the
    registry next changes: counting reads every membership."""
    return remember_public(
        "organisations-with-membership",
        (on,),
        lambda: Membership.objects.current_on(on).values("organisation_id").distinct().count(),
        STATS_CACHE_SECONDS,
    )


def categories() -> QuerySet[MembershipCategory]:
    return MembershipCategory.objects.order_by("order")


@dataclass
class CategoryCount:
    code: str
    name: str
    count: int
    counts_as_member: bool


@dataclass
class Headline:
    councils: int
    citizens: int
    budget: Decimal
    councils_with_budget: int
    councils_counted_for_population: int
    excluded_combined_authorities: list[str] = field(default_factory=list)


@dataclass
class MembershipStats:
    as_of: date
    categories: list[CategoryCount]
    town_and_parish: int
    members_total: int
    headline: Headline
    compare_to: date | None = None
    joiners: dict[str, int] = field(default_factory=dict)
    leavers: dict[str, int] = field(default_factory=dict)
    # What may be said of each count on `as_of` (coverage and published figures), by figure key.
    figures: dict[str, Figure] = field(default_factory=dict)

    @property
    def named(self) -> dict[str, Figure]:
        """The figures by key with underscores, for templates (named.councils_budget)."""
        return {k.replace("-", "_"): f for k, f in self.figures.items()}

    @property
    def category_figures(self) -> list[tuple[CategoryCount, Figure]]:
        return [(c, self.figures[category_figure_key(c.code)]) for c in self.categories]


def category_figure_key(code: str) -> str:
    return CATEGORY_FIGURE_KEYS.get(code, f"members-{code.replace('_', '-')}")


def category_counts(on: date) -> list[CategoryCount]:
    counts = dict(
        Membership.objects.filter(current_on_q(on))
        .values_list("category_id")
        .annotate(n=Count("id"))
        .values_list("category_id", "n")
    )
    return [
        CategoryCount(c.code, c.name, counts.get(c.pk, 0), c.counts_as_member) for c in categories()
    ]


def town_and_parish_count(on: date) -> int:
    """Town, parish and community councils, counted inside the Associate total as the seeds do."""
    return (
        Membership.objects.filter(
            current_on_q(on), organisation__kind=OrganisationKind.LOCAL_COUNCIL
        )
        .values("organisation_id")
        .distinct()
        .count()
    )


def _holders_by_category(on: date) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    rows = Membership.objects.filter(current_on_q(on)).values_list(
        "category__code", "organisation_id", "person_id"
    )
    for code, org_id, person_id in rows:
        result.setdefault(code, set()).add(f"o{org_id}" if org_id else f"p{person_id}")
    return result


def joiners_and_leavers(since: date, until: date) -> tuple[dict[str, int], dict[str, int]]:
    """Per category: holders present on `until` and not on `since` (joiners), and the reverse."""
    before, after = _holders_by_category(since), _holders_by_category(until)
    codes = [c.code for c in categories()]
    joiners = {code: len(after.get(code, set()) - before.get(code, set())) for code in codes}
    leavers = {code: len(before.get(code, set()) - after.get(code, set())) for code in codes}
    return joiners, leavers


def financial_year_of(on: date) -> int:
    """UK council financial years run April to March; 2022 means 2022/23."""
    return on.year if on.month >= 4 else on.year - 1


def headline(on: date) -> Headline:
    """N councils -> X citizens -> £Y budget, counting no citizen twice.

    Member councils are the principal councils and combined authorities in a counted category.
    A combined authority counts as a council, but its population and budget are left out: its
    people live in its constituent councils, which the network counts on their own (the network
    publishes its figures "excluding GMCA"). Budgets use each council's figure for the financial
    year containing the date, or the latest earlier one recorded.

    Each council is linked to its own UK local authority, so there are at most a few hundred
    member councils whatever the size of the registry: they are read once and summed here.
    """
    councils = {
        org_id: (kind, name, population)
        for org_id, kind, name, population in Membership.objects.filter(
            current_on_q(on),
            category__counts_as_member=True,
            organisation__kind__in=COUNCIL_KINDS,
        ).values_list(
            "organisation_id",
            "organisation__kind",
            "organisation__name",
            "organisation__local_authority__population",
        )
    }
    principal = {
        org_id: population
        for org_id, (kind, _name, population) in councils.items()
        if kind == OrganisationKind.PRINCIPAL_COUNCIL
    }
    budgets: dict[int, Decimal] = {}
    for org_id, amount in (
        CouncilBudget.objects.filter(
            organisation_id__in=list(principal), financial_year__lte=financial_year_of(on)
        )
        .order_by("organisation_id", "-financial_year")
        .values_list("organisation_id", "amount")
    ):
        budgets.setdefault(org_id, amount)
    return Headline(
        councils=len(councils),
        citizens=sum(p for p in principal.values() if p),
        budget=sum(budgets.values(), Decimal(0)),
        councils_with_budget=len(budgets),
        councils_counted_for_population=sum(1 for p in principal.values() if p),
        excluded_combined_authorities=sorted(
            name
            for kind, name, _p in councils.values()
            if kind == OrganisationKind.COMBINED_AUTHORITY
        ),
    )


def membership_stats_cached(on: date, compare_to: date | None = None) -> MembershipStats:
    """membership_stats, remembered until the registry next changes (or an hour passes)."""
    return remember_public(
        "membership-stats",
        (on, compare_to),
        lambda: membership_stats(on, compare_to),
        STATS_CACHE_SECONDS,
    )


def membership_stats(on: date, compare_to: date | None = None) -> MembershipStats:
    cats = category_counts(on)
    stats = MembershipStats(
        as_of=on,
        categories=cats,
        town_and_parish=town_and_parish_count(on),
        members_total=sum(c.count for c in cats if c.counts_as_member),
        headline=headline(on),
        compare_to=compare_to,
    )
    if compare_to is not None:
        stats.joiners, stats.leavers = joiners_and_leavers(compare_to, on)
    stats.figures = membership_figures(stats)
    return stats


def _constant(value: int | Decimal | None) -> Callable[[], int | Decimal | None]:
    return lambda: value


def membership_figures(stats: MembershipStats) -> dict[str, Figure]:
    """The stats' counts through the coverage rule: a count the records of `as_of` cannot
    support is not recorded, and every published figure for the date stands beside it."""
    h = stats.headline
    compute: dict[str, Callable[[], int | Decimal | None]] = {
        category_figure_key(c.code): _constant(c.count) for c in stats.categories
    }
    compute[TOWN_AND_PARISH_KEY] = lambda: stats.town_and_parish
    compute["members-total"] = lambda: stats.members_total
    compute["councils-members"] = lambda: h.councils
    compute["councils-citizens"] = lambda: h.citizens
    compute["councils-budget"] = lambda: h.budget
    return figures(compute, stats.as_of)


def membership_counts_on(dates: list[date]) -> dict[date, dict[str, int]]:
    """Per date, the count of each category's figure key (and the town-and-parish count), in one
    query whatever the number of dates: for series over the years (strategy measures)."""
    if not dates:
        return {}
    rows = list(
        Membership.objects.filter(overlapping_q(min(dates), max(dates))).values_list(
            "category__code", "start", "end", "organisation__kind", "organisation_id"
        )
    )
    result: dict[date, dict[str, int]] = {}
    for on in dates:
        counts = {category_figure_key(c): 0 for c in CATEGORY_FIGURE_KEYS}
        parish: set[int] = set()
        for code, start, end, kind, org_id in rows:
            if (start is None or start <= on) and (end is None or end >= on):
                key = category_figure_key(code)
                counts[key] = counts.get(key, 0) + 1
                if kind == OrganisationKind.LOCAL_COUNCIL and org_id:
                    parish.add(org_id)
        counts[TOWN_AND_PARISH_KEY] = len(parish)
        result[on] = counts
    return result


# --- directory and organisation pages -----------------------------------------------------------


@dataclass
class DirectoryFilters:
    q: str = ""
    category: str = ""
    kind: str = ""
    nation: str = ""
    region: str = ""
    on: date | None = None


def directory(filters: DirectoryFilters, on: date) -> QuerySet[Organisation]:
    """Public organisations holding a membership on the date, with their current category."""
    current = Membership.objects.filter(current_on_q(on), organisation=OuterRef("pk"))
    if filters.category:
        current = current.filter(category__code=filters.category)
    qs = (
        Organisation.objects.filter(is_public=True)
        .filter(Exists(current))
        .annotate(
            category_name=Subquery(current.order_by("-start").values("category__name")[:1]),
            category_code=Subquery(current.order_by("-start").values("category__code")[:1]),
            member_since=Subquery(current.order_by("-start").values("start")[:1]),
        )
        .select_related("local_authority", "area_authority")
    )
    if filters.q:
        qs = qs.filter(name__icontains=filters.q.strip())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.nation:
        qs = qs.filter(
            Q(local_authority__nation=filters.nation) | Q(area_authority__nation=filters.nation)
        )
    if filters.region:
        qs = qs.filter(
            Q(local_authority__region=filters.region) | Q(area_authority__region=filters.region)
        )
    # Names sort as people read them: "a" beside "A", whatever the database's collation.
    return qs.order_by(Lower("name"), "name", "pk")


def directory_count_cached(filters: DirectoryFilters, on: date) -> int:
    """How many organisations the directory lists, remembered until the registry changes."""
    parts = (on, filters.q, filters.category, filters.kind, filters.nation, filters.region)
    return remember_public(
        "directory-count", parts, lambda: directory(filters, on).count(), STATS_CACHE_SECONDS
    )


def directory_nations() -> list[str]:
    return list(
        LocalAuthority.objects.filter(Q(organisation__isnull=False))
        .values_list("nation", flat=True)
        .distinct()
        .order_by("nation")
    )


def directory_regions(nation: str = "") -> list[str]:
    """The regions of the members' councils; only those of `nation` when one is given."""
    qs = LocalAuthority.objects.filter(organisation__isnull=False)
    if nation:
        qs = qs.filter(nation=nation)
    return list(
        qs.exclude(region="").values_list("region", flat=True).distinct().order_by("region")
    )


def organisation_by_slug(slug: str, *, public_only: bool) -> Organisation:
    """The organisation at this address with its council or area: enough to decide what the
    viewer may do (raises DoesNotExist; a hidden one too when `public_only`)."""
    qs = Organisation.objects.select_related("local_authority", "area_authority")
    if public_only:
        qs = qs.filter(is_public=True)
    return qs.get(slug=slug)


def with_page_details(organisation: Organisation, on: date | None = None) -> Organisation:
    """The organisation with its membership history, its `current_membership` on the date, and
    the people who chose to be public in a role current on the date (as `public_roles`): two
    queries, whatever their number."""
    on = on or date.today()
    public_roles = (
        Role.objects.select_related("person")
        .filter(person__is_public=True)
        .filter(current_on_q(on))
        .order_by("kind", "person__full_name")
    )
    prefetch_related_objects(
        [organisation],
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("category").order_by("-start"),
        ),
        Prefetch("roles", queryset=public_roles, to_attr="public_roles"),
    )
    organisation.current_membership = next(  # type: ignore[attr-defined]
        (m for m in organisation.memberships.all() if m.is_current_on(on)), None
    )
    return organisation


def organisation_for_page(slug: str, *, public_only: bool, on: date | None = None) -> Organisation:
    """`organisation_by_slug` `with_page_details` (raises DoesNotExist)."""
    return with_page_details(organisation_by_slug(slug, public_only=public_only), on)


def organisation_contacts(organisation: Organisation) -> QuerySet[Role]:
    """Every role at the organisation with its person, for those allowed to see contact details."""
    return (
        Role.objects.filter(organisation=organisation)
        .select_related("person")
        .order_by(F("end").desc(nulls_first=True), "kind", "person__full_name")
    )


def managed_organisation_ids(user, on: date | None = None) -> frozenset[int]:
    """Ids of the organisations whose profile `user` manages on `on` (today by default).

    Asks `Role.objects.managing`, the one rule; remembered on the user object for the request,
    per day, so predicates asked many times on one page cost one query.
    """
    if not (user is not None and getattr(user, "is_authenticated", False)):
        return frozenset()
    person = getattr(user, "person", None)
    if person is None:
        return frozenset()
    day = on or timezone.localdate()
    remembered = getattr(user, "_managed_organisation_ids", None)
    if remembered is not None and remembered[0] == day:
        return remembered[1]
    ids = frozenset(Role.objects.managing(person, on=day).values_list("organisation_id", flat=True))
    user._managed_organisation_ids = (day, ids)
    return ids


def organisations_managed_by(user, on: date | None = None) -> QuerySet[Organisation]:
    """The organisations whose profile `user` manages on `on` (today by default), in one query."""
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return Organisation.objects.none()
    roles = Role.objects.managing(person, on=on or timezone.localdate())
    return Organisation.objects.filter(pk__in=roles.values("organisation_id")).order_by("name")


def individual_supporters_on(on: date) -> QuerySet[Person]:
    return Person.objects.filter(
        memberships__in=Membership.objects.filter(current_on_q(on))
    ).distinct()


def contact_email_languages(addresses: Collection[str]) -> dict[str, str]:
    """The language the registry records for these (lower-cased) addresses' people; where two
    people share an address and differ, the one changed last."""
    rows = (
        Person.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .exclude(language="")
        .order_by("updated_at")
        .values_list("address", "language")
    )
    return dict(rows)
