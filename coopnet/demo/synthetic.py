"""A synthetic network at N times the seeds' size, for benchmarks.

At scale 1 the network looks like the seeds (CCIN's reviews): about 120 organisations (34 Full
councils, 22 Associates, 44 Affiliates, 20 Supporter organisations), 500 people and 300 membership
periods. Councils link to real rows of the local-authority table; only about 400 current ones
exist, so at large scales the extra organisations are town, parish and community councils,
political groups and affiliates. Everything comes from one seeded random generator, so the same
scale and seed always give the same network.

Rows are written in batches, each with its history row (change reason "Synthetic benchmark
data"), as every write to the registry has one. It is only ever written into an empty registry.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from coopnet.members.models import (
    CouncilBudget,
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RoleKind,
)

K = OrganisationKind
R = RoleKind
M = TypeVar("M", bound=models.Model)

BASE_PEOPLE = 500
BASE_MEMBERSHIPS = 300
BASE_INDIVIDUAL_SUPPORTERS = 10
# The seeds' mix at 31 July 2022: 34 Full (two of them combined authorities), 22 Associate,
# 44 Affiliate and about 20 Supporter organisations.
KIND_MIX: dict[str, int] = {
    K.PRINCIPAL_COUNCIL: 32,
    K.COMBINED_AUTHORITY: 2,
    K.LOCAL_COUNCIL: 14,
    K.POLITICAL_GROUP: 8,
    K.AFFILIATE_ORGANISATION: 44,
    K.SUPPORTER_ORGANISATION: 20,
}
BASE_ORGANISATIONS = sum(KIND_MIX.values())
# Where the councils go that the local-authority table cannot supply.
OVERFLOW_MIX: dict[str, int] = {
    K.LOCAL_COUNCIL: 2,
    K.POLITICAL_GROUP: 1,
    K.AFFILIATE_ORGANISATION: 1,
}
WINDOW_START = date(2012, 8, 1)  # the network's first membership year
WINDOW_END = date(2025, 7, 31)
MAX_PERIODS = 5
BATCH_SIZE = 1000
SOURCE = "Synthetic benchmark data"


def _words(text: str, sep: str = " ") -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(sep))


PREFIXES = _words(
    "Ash Brad Bram Brook Chip Clay Cold Dun Elm Fair Glen Hart Hazel Holm King Lang Mar Mill "
    "Oak Pen Red Ring Rose Sand Shep Stan Stock Thorn Wal Whit Wick Wood Bar Cran Har Ald"
)
SUFFIXES = _words(
    "bury by combe den don field ford gate ham hill hurst ley marsh mouth stead stoke ton wick "
    "well worth"
)
MODIFIERS = ("", "Great ", "Little ", "Upper ", "Lower ", "Nether ")
AFFILIATE_FORMS = _words(
    "Community Energy Co-operative | Housing Co-operative | Credit Union | Development Trust | "
    "Community Land Trust | Food Co-operative | Care Co-operative | Mutual Society | "
    "Co-operative Development Agency | Community Business Network | Workers' Co-operative | "
    "Community Interest Company",
    "|",
)
SUPPORTER_FORMS = _words("Associates Consulting Foundation Partnership Trust Research")
PARTIES = _words(
    "Labour and Co-operative | Co-operative Party | Labour | Liberal Democrat | Green | "
    "Independent",
    "|",
)
FIRST_NAMES = _words(
    "Aisha Alan Amir Ann Ben Bethan Carys Chloe Dafydd David Deborah Eilidh Emma Fatima Fiona "
    "Gareth George Grace Hannah Harry Imran Isla Jack James Jane John Karen Kieran Laura Leah "
    "Liam Lucy Mark Mary Mohammed Morag Nadia Niamh Oliver Owen Patrick Priya Rachel Rhys Ruth "
    "Sam Sarah Sean Sian Sophie Steven Tariq Thomas Una Yasmin Zoe"
)
SURNAMES = _words(
    "Ahmed Ali Allen Baker Begum Bell Brown Campbell Clarke Davies Edwards Evans Green Hall "
    "Harris Hughes Jackson James Jones Kaur Kelly Khan Lewis Lloyd Macdonald Martin Morgan Murphy "
    "Murray O'Neill Patel Phillips Price Roberts Robinson Scott Shah Singh Smith Taylor Thomas "
    "Thompson Walker Watson White Williams Wilson Wood Wright Young"
)
PORTFOLIOS = _words(
    "Housing | Communities | Inclusive Economy | Community Wealth Building | "
    "Climate and Environment | Adult Social Care | Children and Families | Finance",
    "|",
)
OFFICER_TITLES = _words(
    "Head of Community Development | Policy Officer | Strategy Manager | "
    "Co-operative Development Officer | Assistant Chief Executive",
    "|",
)
# The first three may be followed by a return to the network; the others end a history.
END_REASONS = (
    "Resigned from the network",
    "Did not renew for the new membership year",
    "Fees unpaid after reminders",
    "Organisation dissolved",
    "Council reorganisation",
)
COUNCIL_ROLES: dict[str, int] = {
    R.LEADER: 1,
    R.CABINET_MEMBER: 3,
    R.COOPERATIVE_LEAD: 2,
    R.OFFICER_LEAD: 2,
    R.CABINET_CHAMPION: 1,
    R.VOTING_CONTACT: 1,
    R.INVOICE_CONTACT: 1,
    R.COUNCILLOR: 3,
    R.OFFICER: 3,
}
GROUP_ROLES: dict[str, int] = {R.LEADER: 1, R.COUNCILLOR: 4, R.CONTACT: 1}
OTHER_ROLES: dict[str, int] = {
    R.CONTACT: 3,
    R.OFFICER: 2,
    R.VOTING_CONTACT: 1,
    R.INVOICE_CONTACT: 1,
}
ELECTED_KINDS = {K.PRINCIPAL_COUNCIL, K.COMBINED_AUTHORITY, K.LOCAL_COUNCIL, K.POLITICAL_GROUP}
ELECTED_ROLES = {R.LEADER, R.CABINET_MEMBER, R.CABINET_CHAMPION, R.COUNCILLOR, R.COOPERATIVE_LEAD}
# How many people an organisation of each kind has on the registry, relatively.
ROLE_WEIGHT: dict[str, int] = {
    K.PRINCIPAL_COUNCIL: 10,
    K.COMBINED_AUTHORITY: 8,
    K.LOCAL_COUNCIL: 2,
    K.POLITICAL_GROUP: 3,
    K.AFFILIATE_ORGANISATION: 2,
    K.SUPPORTER_ORGANISATION: 1,
}


class SyntheticDataError(Exception):
    """The synthetic network cannot be generated here."""


@dataclass(frozen=True)
class SyntheticSize:
    organisations: int
    people: int
    memberships: int
    individual_supporters: int

    @classmethod
    def at_scale(cls, scale: float) -> SyntheticSize:
        if scale <= 0:
            raise SyntheticDataError(_("The scale must be greater than zero."))
        return cls(
            organisations=max(1, round(BASE_ORGANISATIONS * scale)),
            people=max(1, round(BASE_PEOPLE * scale)),
            memberships=max(1, round(BASE_MEMBERSHIPS * scale)),
            individual_supporters=round(BASE_INDIVIDUAL_SUPPORTERS * scale),
        )


@dataclass
class SyntheticSummary:
    organisations: int
    people: int
    roles: int
    memberships: int
    budgets: int
    by_kind: dict[str, int] = field(default_factory=dict)


REGISTRY_MODELS: tuple[type[models.Model], ...] = (
    Organisation,
    Person,
    Role,
    Membership,
    CouncilBudget,
)


def ensure_empty() -> None:
    """Refuse to mix synthetic rows with real ones."""
    used = [m._meta.verbose_name_plural for m in REGISTRY_MODELS if m._default_manager.exists()]
    if used:
        raise SyntheticDataError(
            _(
                "The database already holds registry data (%(tables)s). Synthetic data is only "
                "generated into an empty database: point DATABASE_URL at a new file and migrate."
            )
            % {"tables": ", ".join(str(u) for u in used)}
        )


def generate(*, scale: float, seed: int = 2012) -> SyntheticSummary:
    """Write a synthetic network of the given scale into the (empty) registry."""
    size = SyntheticSize.at_scale(scale)
    rng = random.Random(seed)
    with transaction.atomic():
        ensure_empty()
        organisations = _create_organisations(rng, size.organisations)
        people = _create_people(rng, size, organisations)
        roles = save(Role, people.roles)
        memberships = save(
            Membership,
            _memberships(rng, organisations, people.individual_supporters, size.memberships),
        )
        budgets = save(CouncilBudget, _budgets(rng, organisations))
    by_kind: dict[str, int] = {}
    for org in organisations:
        by_kind[org.kind] = by_kind.get(org.kind, 0) + 1
    return SyntheticSummary(
        organisations=len(organisations),
        people=len(people.people),
        roles=len(roles),
        memberships=len(memberships),
        budgets=len(budgets),
        by_kind=by_kind,
    )


def save(model: type[M], objects: list[M]) -> list[M]:
    """Insert in batches, with a history row for each (primary keys are set on the objects)."""
    return bulk_create_with_history(
        objects, model, batch_size=BATCH_SIZE, default_change_reason=SOURCE
    )


# --- how many of each kind --------------------------------------------------------------------


def apportion(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split total in proportion to weights (largest remainder), summing exactly to total."""
    whole = sum(weights.values())
    shares = {key: total * w / whole for key, w in weights.items()}
    counts = {key: int(share) for key, share in shares.items()}
    by_remainder = sorted(shares, key=lambda key: (counts[key] - shares[key], key))
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def kind_counts(total: int, *, principal_available: int, combined_available: int) -> dict[str, int]:
    """Organisations of each kind; councils beyond the table's supply become other kinds."""
    counts = apportion(total, KIND_MIX)
    overflow = 0
    for kind, available in (
        (K.PRINCIPAL_COUNCIL, principal_available),
        (K.COMBINED_AUTHORITY, combined_available),
    ):
        overflow += max(0, counts[kind] - available)
        counts[kind] = min(counts[kind], available)
    for other, extra in apportion(overflow, OVERFLOW_MIX).items():
        counts[other] += extra
    return counts


# --- organisations -----------------------------------------------------------------------------


class _Names:
    """Unique organisation names and slugs, drawn from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.slugs: set[str] = set()
        self.places = [m + p + s.lower() for m in MODIFIERS for p in PREFIXES for s in SUFFIXES]

    def unique(self, make: Callable[[], str]) -> str:
        name = make()
        for _attempt in range(20):
            if name not in self.names:
                break
            name = make()
        base, n = name, 2
        while name in self.names:
            name, n = f"{base} ({n})", n + 1
        self.names.add(name)
        return name

    def slug(self, text: str) -> str:
        base = slugify(text)[:100] or "organisation"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def place(self) -> str:
        return self.rng.choice(self.places)


def _current_authorities() -> list[LocalAuthority]:
    current = Q(end_date__isnull=True) | Q(end_date__gt=WINDOW_END)
    return list(LocalAuthority.objects.filter(current).order_by("code"))


def _create_organisations(rng: random.Random, total: int) -> list[Organisation]:
    authorities = _current_authorities()
    combined = [la for la in authorities if la.is_combined_authority]
    principal = [la for la in authorities if not la.is_combined_authority]
    counts = kind_counts(
        total, principal_available=len(principal), combined_available=len(combined)
    )
    names = _Names(rng)
    orgs = _councils(rng, names, rng.sample(principal, counts[K.PRINCIPAL_COUNCIL]))
    orgs += _councils(rng, names, rng.sample(combined, counts[K.COMBINED_AUTHORITY]))
    parishable = [la for la in principal if la.nation in ("England", "Wales", "Scotland")]
    orgs += [_local_council(rng, names, parishable) for _ in range(counts[K.LOCAL_COUNCIL])]
    orgs += [_political_group(rng, names, principal) for _ in range(counts[K.POLITICAL_GROUP])]
    for kind, forms in (
        (K.AFFILIATE_ORGANISATION, AFFILIATE_FORMS),
        (K.SUPPORTER_ORGANISATION, SUPPORTER_FORMS),
    ):
        orgs += [_other_organisation(rng, names, kind, forms) for _ in range(counts[kind])]
    return save(Organisation, orgs)


def _organisation(
    rng: random.Random, names: _Names, *, name: str, kind: str, **extra: object
) -> Organisation:
    slug = names.slug(name)
    return Organisation(
        name=name,
        slug=slug,
        kind=kind,
        description=f"{name} is a synthetic {K(kind).label.lower()} generated for benchmarks.",
        website=f"https://www.{slug[:60]}.example.org/",
        email=f"enquiries@{slug[:60]}.example.org",
        phone=f"01632 960{rng.randrange(1000):03d}",
        is_public=rng.random() < 0.97,
        **extra,
    )


def _councils(
    rng: random.Random, names: _Names, authorities: Iterable[LocalAuthority]
) -> list[Organisation]:
    result = []
    for la in authorities:
        kind = K.COMBINED_AUTHORITY if la.is_combined_authority else K.PRINCIPAL_COUNCIL
        name = names.unique(lambda la=la: la.official_name)  # type: ignore[misc]
        result.append(_organisation(rng, names, name=name, kind=kind, local_authority=la))
    return result


def _local_council(
    rng: random.Random, names: _Names, areas: Sequence[LocalAuthority]
) -> Organisation:
    area = rng.choice(areas)
    if area.nation == "England":
        suffix = "Town Council" if rng.random() < 0.3 else "Parish Council"
    else:
        suffix = "Community Council"
    name = names.unique(lambda: f"{names.place()} {suffix}")
    return _organisation(rng, names, name=name, kind=K.LOCAL_COUNCIL, area_authority=area)


def _political_group(
    rng: random.Random, names: _Names, areas: Sequence[LocalAuthority]
) -> Organisation:
    chosen: list[LocalAuthority] = []

    def make() -> str:
        chosen.append(rng.choice(areas))
        return f"{rng.choice(PARTIES)} Group, {chosen[-1].nice_name}"

    name = names.unique(make)
    return _organisation(rng, names, name=name, kind=K.POLITICAL_GROUP, area_authority=chosen[-1])


def _other_organisation(
    rng: random.Random, names: _Names, kind: str, forms: Sequence[str]
) -> Organisation:
    name = names.unique(lambda: f"{names.place()} {rng.choice(forms)}")
    return _organisation(rng, names, name=name, kind=kind)


# --- people and their roles --------------------------------------------------------------------


@dataclass
class _People:
    people: list[Person]
    individual_supporters: list[Person]
    roles: list[Role]


def _random_date(rng: random.Random, earliest: date, latest: date) -> date:
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def _role_kind(rng: random.Random, org_kind: str) -> str:
    if org_kind == K.POLITICAL_GROUP:
        table = GROUP_ROLES
    elif org_kind in (K.PRINCIPAL_COUNCIL, K.COMBINED_AUTHORITY, K.LOCAL_COUNCIL):
        table = COUNCIL_ROLES
    else:
        table = OTHER_ROLES
    return rng.choices(list(table), weights=list(table.values()))[0]


def _person(rng: random.Random, number: int, *, elected: bool) -> Person:
    full_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    slug = f"{slugify(full_name)}-{number}"
    consent = rng.random() < 0.6
    return Person(
        honorific="Cllr" if elected else "",
        full_name=full_name,
        slug=slug,
        email=f"{slug}@example.net",
        phone=f"01632 961{rng.randrange(1000):03d}",
        consent_to_contact=consent,
        is_public=rng.random() < (0.7 if elected else 0.35),
    )


def _role(rng: random.Random, person: Person, org: Organisation, kind: str) -> Role:
    start = _random_date(rng, WINDOW_START, WINDOW_END)
    end = _random_date(rng, start, WINDOW_END) if rng.random() < 0.2 else None
    title = ""
    if kind == R.CABINET_MEMBER:
        title = f"Cabinet Member for {rng.choice(PORTFOLIOS)}"
    elif kind in (R.OFFICER_LEAD, R.OFFICER):
        title = rng.choice(OFFICER_TITLES)
    return Role(
        person=person,
        organisation=org,
        kind=kind,
        title=title,
        start=start,
        end=end,
        manages_profile=kind in (R.OFFICER_LEAD, R.CONTACT) and rng.random() < 0.3,
    )


def _create_people(
    rng: random.Random, size: SyntheticSize, organisations: Sequence[Organisation]
) -> _People:
    """People: a few individual supporters, the rest with a role or two at an organisation."""
    individuals = min(size.individual_supporters, size.people)
    weights = list(itertools.accumulate(ROLE_WEIGHT[o.kind] for o in organisations))
    first = rng.choices(organisations, cum_weights=weights, k=size.people - individuals)
    people: list[Person] = []
    plans: list[tuple[int, Organisation, str]] = []
    for number in range(size.people):
        if number < individuals:
            people.append(_person(rng, number + 1, elected=False))
            continue
        org = first[number - individuals]
        kind = _role_kind(rng, org.kind)
        elected = kind in ELECTED_ROLES and org.kind in ELECTED_KINDS
        people.append(_person(rng, number + 1, elected=elected))
        plans.append((number, org, kind))
        if rng.random() < 0.15:
            second = rng.choices(organisations, cum_weights=weights)[0]
            plans.append((number, second, _role_kind(rng, second.kind)))
    save(Person, people)
    roles = [_role(rng, people[number], org, kind) for number, org, kind in plans]
    return _People(people=people, individual_supporters=people[:individuals], roles=roles)


# --- memberships and budgets -------------------------------------------------------------------


def periods_per_holder(rng: random.Random, holders: int, total: int) -> list[int]:
    """How many membership periods each holder has: one each, the rest spread at random."""
    counts = [0] * holders
    for index in rng.sample(range(holders), min(holders, total)):
        counts[index] = 1
    spare = min(total - sum(counts), holders * MAX_PERIODS - sum(counts))
    while spare > 0:
        index = rng.randrange(holders)
        if counts[index] < MAX_PERIODS:
            counts[index] += 1
            spare -= 1
    return counts


def _periods(
    rng: random.Random, count: int, earliest: date, *, open_last: bool
) -> list[tuple[date, date | None]]:
    """count periods in date order, none overlapping (each ends before the next starts)."""
    span = max((WINDOW_END - earliest).days, 2 * count)
    days = sorted(rng.sample(range(span + 1), 2 * count))
    periods: list[tuple[date, date | None]] = [
        (earliest + timedelta(days=days[i]), earliest + timedelta(days=days[i + 1]))
        for i in range(0, len(days), 2)
    ]
    if open_last:
        periods[-1] = (periods[-1][0], None)
    return periods


def _category(rng: random.Random, options: Sequence[MembershipCategory]) -> MembershipCategory:
    """Mostly the first category the holder may hold (in category order); at times another."""
    if len(options) > 1 and rng.random() < 0.1:
        return rng.choice(options[1:])
    return options[0]


def _history(
    rng: random.Random,
    options: Sequence[MembershipCategory],
    count: int,
    earliest: date,
    **holder: Organisation | Person,
) -> list[Membership]:
    """One holder's membership periods; a change of category starts the day after the last."""
    result: list[Membership] = []
    for start, end in _periods(rng, count, earliest, open_last=rng.random() < 0.85):
        category = _category(rng, options)
        previous = result[-1] if result else None
        if previous is not None and previous.end is not None and category != previous.category:
            start = previous.end + timedelta(days=1)
            previous.end_reason = f"Moved to {category.name} membership"
        result.append(
            Membership(
                category=category,
                start=start,
                end=end,
                end_reason=rng.choice(END_REASONS[:3]) if end else "",
                source=SOURCE,
                start_is_approximate=rng.random() < 0.05,
                **holder,
            )
        )
    if result[-1].end is not None:
        result[-1].end_reason = rng.choice(END_REASONS)
    return result


def _earliest(org: Organisation) -> date:
    la = org.local_authority
    if la is not None and la.start_date is not None and la.start_date > WINDOW_START:
        return la.start_date
    return WINDOW_START


def _memberships(
    rng: random.Random,
    organisations: Sequence[Organisation],
    individuals: Sequence[Person],
    total: int,
) -> list[Membership]:
    """Periods for every organisation whose kind may hold a category, and the individuals."""
    categories = list(MembershipCategory.objects.order_by("order", "code"))
    allowed = {kind: [c for c in categories if c.allows_kind(kind)] for kind in K.values}
    for_individuals = [c for c in categories if c.allows_individuals]
    holders = [o for o in organisations if allowed[o.kind]]
    org_total = total - (len(individuals) if for_individuals else 0)
    result: list[Membership] = []
    for org, count in zip(holders, periods_per_holder(rng, len(holders), org_total), strict=True):
        if count:
            result += _history(rng, allowed[org.kind], count, _earliest(org), organisation=org)
    if for_individuals:
        for person in individuals:
            result += _history(rng, for_individuals, 1, WINDOW_START, person=person)
    return result


def _budgets(rng: random.Random, organisations: Iterable[Organisation]) -> list[CouncilBudget]:
    """Budgets for most principal councils, for three financial years."""
    result = []
    for org in organisations:
        if org.kind != K.PRINCIPAL_COUNCIL or rng.random() >= 0.7:
            continue
        base = Decimal(rng.randrange(80_000_000_00, 2_500_000_000_00)) / 100
        for offset, year in enumerate((2022, 2023, 2024)):
            amount = (base * Decimal("1.04") ** offset).quantize(Decimal("0.01"))
            result.append(
                CouncilBudget(organisation=org, financial_year=year, amount=amount, source=SOURCE)
            )
    return result
