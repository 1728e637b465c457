"""Synthetic people and their roles at the organisations."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.text import slugify

from coopnet.demo.synthetic.sizes import WINDOW_END, WINDOW_START, K, SyntheticSize
from coopnet.demo.synthetic.store import save
from coopnet.demo.synthetic.words import FIRST_NAMES, OFFICER_TITLES, PORTFOLIOS, SURNAMES
from coopnet.members.models import Organisation, Person, Role, RoleKind

R = RoleKind

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
            second_kind = _role_kind(rng, second.kind)
            if (second.pk, second_kind) != (org.pk, kind):  # one role per function in a place
                plans.append((number, second, second_kind))
    save(Person, people)
    roles = [_role(rng, people[number], org, kind) for number, org, kind in plans]
    return _People(people=people, individual_supporters=people[:individuals], roles=roles)
