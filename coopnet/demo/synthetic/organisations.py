"""Synthetic organisations: councils linked to real local authorities, and the other kinds."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence

from django.db.models import Q
from django.utils.text import slugify

from coopnet.demo.synthetic.sizes import WINDOW_END, K, kind_counts
from coopnet.demo.synthetic.store import save
from coopnet.demo.synthetic.words import (
    AFFILIATE_FORMS,
    MODIFIERS,
    PARTIES,
    PREFIXES,
    SUFFIXES,
    SUPPORTER_FORMS,
)
from coopnet.members.models import LocalAuthority, Organisation


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
