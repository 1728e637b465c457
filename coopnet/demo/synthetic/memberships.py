"""Synthetic membership periods (never overlapping for a holder) and council budgets."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from coopnet.demo.synthetic.sizes import MAX_PERIODS, WINDOW_END, WINDOW_START, K
from coopnet.demo.synthetic.store import SOURCE
from coopnet.demo.synthetic.words import END_REASONS
from coopnet.members.models import (
    CouncilBudget,
    Membership,
    MembershipCategory,
    Organisation,
    Person,
)


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
