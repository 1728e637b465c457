"""How big the synthetic network is, what kinds it is made of, and the years it spans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from coopnet.core.errors import DomainError
from coopnet.members.models import OrganisationKind

K = OrganisationKind

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


class SyntheticDataError(DomainError):
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
