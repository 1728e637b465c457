"""What a count produces, whatever the method: stages with every candidate's total, and the ties
that were broken on the way. Pure Python (no Django), so the rules can be tested on their own."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

# Votes are kept as whole numbers of hundred-thousandths: the Scottish rules calculate transfer
# values to five decimal places, ignoring any remainder, so integer arithmetic is exact.
UNIT = 100_000


def as_votes(units: int) -> Decimal:
    """Hundred-thousandths of a vote as a Decimal with five places (123450 -> 1.23450)."""
    return Decimal(units).scaleb(-5).quantize(Decimal("0.00001"))


class Action:
    FIRST = "first"  # first preferences (STV) or the only stage (first past the post)
    SURPLUS = "surplus"  # an elected candidate's surplus transferred
    EXCLUSION = "exclusion"  # the lowest candidate excluded and their papers transferred


class TieReason:
    SURPLUS_ORDER = "surplus_order"  # equal surpluses: whose is transferred first (rule 49)
    EXCLUSION = "exclusion"  # equal lowest: who is excluded (rule 51)
    LAST_PLACE = "last_place"  # first past the post: equal votes for the last place


@dataclass(frozen=True)
class TieBreak:
    """A tie and how it was settled: by an earlier stage's totals, or by lot."""

    reason: str
    tied: tuple[int, ...]
    chosen: tuple[int, ...]
    by_lot: bool
    decided_at_stage: int | None = None  # the earlier stage whose totals settled it


@dataclass
class Stage:
    number: int
    action: str
    subject: int | None  # whose surplus or papers were transferred at this stage
    totals: dict[int, int]  # every candidate's votes at the end of the stage, in units
    non_transferable: int  # cumulative value of papers with no further preference, in units
    elected: list[int] = field(default_factory=list)  # deemed elected at the end of this stage
    excluded: list[int] = field(default_factory=list)
    ties: list[TieBreak] = field(default_factory=list)
    transfer_value: int | None = None  # for a surplus stage: the value of a first-preference paper


@dataclass
class CountResult:
    method: str
    seats: int
    candidates: tuple[int, ...]
    valid_ballots: int
    quota: int | None  # whole votes (STV only)
    stages: list[Stage]
    elected: list[int]  # in the order they were elected
    seed: int  # the seed of the draw used for any lot

    @property
    def ties(self) -> list[TieBreak]:
        return [tie for stage in self.stages for tie in stage.ties]


class Lot:
    """Drawing lots with a seeded generator: the seed is stored with the count, so anyone can
    repeat the draw and get the same outcome."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._random = random.Random(seed)

    def draw(self, tied: Sequence[int], k: int = 1) -> tuple[int, ...]:
        """k of the tied candidates (ids), in the order drawn."""
        return tuple(self._random.sample(sorted(tied), k))
