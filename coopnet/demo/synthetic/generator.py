"""The whole synthetic network, written in one transaction."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.db import transaction

from coopnet.core.actors import System, acting_as
from coopnet.demo.synthetic.memberships import _budgets, _memberships
from coopnet.demo.synthetic.organisations import _create_organisations
from coopnet.demo.synthetic.people import _create_people
from coopnet.demo.synthetic.sizes import SyntheticSize
from coopnet.demo.synthetic.store import ensure_empty, save
from coopnet.members.models import CouncilBudget, Membership, Role


@dataclass
class SyntheticSummary:
    organisations: int
    people: int
    roles: int
    memberships: int
    budgets: int
    by_kind: dict[str, int] = field(default_factory=dict)


SYNTHETIC = System("generate_synthetic")


def generate(*, scale: float, seed: int = 2012) -> SyntheticSummary:
    """Write a synthetic network of the given scale into the (empty) registry."""
    size = SyntheticSize.at_scale(scale)
    rng = random.Random(seed)
    with transaction.atomic(), acting_as(SYNTHETIC):
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
