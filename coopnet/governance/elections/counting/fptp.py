"""First past the post for n places: each voter marks up to n candidates (one vote each); the n
with most votes are elected. Equal votes for the last place are settled by lot."""

from __future__ import annotations

from collections.abc import Sequence

from .common import UNIT, Action, CountResult, Lot, Stage, TieBreak, TieReason

METHOD = "fptp"


def count_fptp(
    ballots: Sequence[Sequence[int]], candidates: Sequence[int], seats: int, *, seed: int
) -> CountResult:
    """Count ballots (sets of candidate ids, at most `seats` each) for `seats` places."""
    if seats < 1:
        raise ValueError("At least one place must be filled.")
    known = set(candidates)
    votes = dict.fromkeys(candidates, 0)
    valid = 0
    for ballot in ballots:
        marks = {c for c in ballot if c in known}
        if not marks or len(marks) > seats:
            continue  # blank, or more marks than places: not a valid ballot
        valid += 1
        for candidate in marks:
            votes[candidate] += UNIT
    lot = Lot(seed)
    ranked = sorted(candidates, key=lambda c: -votes[c])
    ties: list[TieBreak] = []
    elected = ranked
    if len(ranked) > seats:
        last = votes[ranked[seats - 1]]
        above = [c for c in ranked if votes[c] > last]
        level = [c for c in ranked if votes[c] == last]
        places = seats - len(above)
        if len(level) == places:
            elected = above + level
        else:
            drawn = lot.draw(level, places)
            elected = above + list(drawn)
            ties = [TieBreak(TieReason.LAST_PLACE, tuple(sorted(level)), drawn, True)]
    stage = Stage(1, Action.FIRST, None, votes, 0, elected=list(elected), ties=ties)
    return CountResult(METHOD, seats, tuple(candidates), valid, None, [stage], list(elected), seed)
