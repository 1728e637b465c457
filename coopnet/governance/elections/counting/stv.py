"""Single transferable vote, counted by the Scottish STV rules.

The rules are those of the Scottish Local Government Elections Order 2007 (SSI 2007/42),
Schedule 1, rules 45 to 52, written out in docs/elections.md:

- the quota (Droop) is the number of valid ballot papers divided by one more than the number of
  places, ignoring any fraction, plus one (rule 46);
- a candidate whose votes reach the quota is deemed elected (rule 47);
- surpluses are transferred one at a time, largest first, by the Weighted Inclusive Gregory
  Method: every paper the elected candidate holds passes to its next continuing preference at
  (surplus x the paper's value) / the candidate's total, to five decimal places with any
  remainder ignored (rules 48 and 49);
- when no surplus is left to transfer, the candidate with the fewest votes is excluded and each
  of their papers passes on at the value it had (rule 50);
- equal surpluses or equal lowest candidates are settled by the totals at the most recent
  earlier stage at which they were unequal, and by lot if they were equal at every stage
  (rules 49(2), 49(3) and 51);
- once the continuing candidates are no more than the places left, they are all deemed elected
  and nothing more is transferred (rule 52).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .common import UNIT, Action, CountResult, Lot, Stage, TieBreak, TieReason

METHOD = "stv"


@dataclass
class _Paper:
    preferences: tuple[int, ...]
    position: int = 0
    value: int = UNIT

    @property
    def holder(self) -> int | None:
        if self.position < len(self.preferences):
            return self.preferences[self.position]
        return None


def quota_for(valid_ballots: int, seats: int) -> int:
    """Rule 46: valid papers / (places + 1), ignoring any fraction, plus one."""
    return valid_ballots // (seats + 1) + 1


class _Count:
    def __init__(
        self, ballots: Sequence[Sequence[int]], candidates: Sequence[int], seats: int, seed: int
    ) -> None:
        known = set(candidates)
        self.candidates = tuple(candidates)
        self.seats = seats
        self.lot = Lot(seed)
        self.papers = [
            _Paper(tuple(c for c in ballot if c in known)) for ballot in ballots if ballot
        ]
        self.papers = [p for p in self.papers if p.preferences]
        self.quota = quota_for(len(self.papers), seats)
        self.votes = dict.fromkeys(self.candidates, 0)
        self.continuing = list(self.candidates)
        self.elected: list[int] = []
        self.pending: list[int] = []  # elected, surplus not yet transferred
        self.non_transferable = 0
        self.stages: list[Stage] = []

    # --- moving papers --------------------------------------------------------------------------

    def _pass_on(self, paper: _Paper) -> None:
        """Move a paper to its next continuing preference, or set it aside as non-transferable."""
        while paper.holder is not None and paper.holder not in self.continuing:
            paper.position += 1
        if paper.holder is None:
            self.non_transferable += paper.value
        else:
            self.votes[paper.holder] += paper.value

    def _papers_of(self, candidate: int) -> list[_Paper]:
        return [p for p in self.papers if p.holder == candidate]

    # --- ties -----------------------------------------------------------------------------------

    def _break_tie(self, tied: list[int], *, highest: bool, reason: str) -> tuple[int, TieBreak]:
        """Rules 49(2)-(3) and 51: the most recent earlier stage at which the tied candidates had
        unequal votes decides (highest for a surplus, lowest for an exclusion); then lot."""
        remaining = sorted(tied)
        for stage in reversed(self.stages[:-1]):
            values = {c: stage.totals[c] for c in remaining}
            best = max(values.values()) if highest else min(values.values())
            narrowed = [c for c in remaining if values[c] == best]
            if len(narrowed) < len(remaining):
                remaining = narrowed
                if len(remaining) == 1:
                    chosen = remaining[0]
                    return chosen, TieBreak(
                        reason, tuple(sorted(tied)), (chosen,), False, stage.number
                    )
        chosen = self.lot.draw(remaining)[0]
        return chosen, TieBreak(reason, tuple(sorted(tied)), (chosen,), True)

    # --- stages ---------------------------------------------------------------------------------

    def _record(
        self, action: str, subject: int | None, ties: list[TieBreak], tv: int | None
    ) -> None:
        self.stages.append(
            Stage(
                number=len(self.stages) + 1,
                action=action,
                subject=subject,
                totals=dict(self.votes),
                non_transferable=self.non_transferable,
                ties=ties,
                transfer_value=tv,
            )
        )

    def _elect_reaching_quota(self) -> None:
        """Rule 47, at the end of a stage: highest total first."""
        quota = self.quota * UNIT
        reached = [c for c in self.continuing if self.votes[c] >= quota]
        for candidate in sorted(reached, key=lambda c: (-self.votes[c], self.candidates.index(c))):
            self.continuing.remove(candidate)
            self.elected.append(candidate)
            self.stages[-1].elected.append(candidate)
            if self.votes[candidate] > quota:
                self.pending.append(candidate)

    def _places_left(self) -> int:
        return self.seats - len(self.elected)

    def _fill_last_places(self) -> bool:
        """Rule 52: no more continuing candidates than places left -> all elected, count over."""
        if self._places_left() <= 0:
            return True
        if len(self.continuing) <= self._places_left():
            for candidate in sorted(self.continuing, key=lambda c: -self.votes[c]):
                self.elected.append(candidate)
                self.stages[-1].elected.append(candidate)
            self.continuing = []
            return True
        return False

    def _transfer_surplus(self) -> None:
        top = max(self.votes[c] for c in self.pending)
        tied = [c for c in self.pending if self.votes[c] == top]
        ties: list[TieBreak] = []
        if len(tied) > 1:
            candidate, tie = self._break_tie(tied, highest=True, reason=TieReason.SURPLUS_ORDER)
            ties.append(tie)
        else:
            candidate = tied[0]
        self.pending.remove(candidate)
        total = self.votes[candidate]
        surplus = total - self.quota * UNIT
        for paper in self._papers_of(candidate):
            paper.value = paper.value * surplus // total  # five places, remainder ignored
            paper.position += 1
            self._pass_on(paper)
        self.votes[candidate] = self.quota * UNIT
        self._record(Action.SURPLUS, candidate, ties, UNIT * surplus // total)

    def _exclude_lowest(self) -> None:
        low = min(self.votes[c] for c in self.continuing)
        tied = [c for c in self.continuing if self.votes[c] == low]
        ties: list[TieBreak] = []
        if len(tied) > 1:
            candidate, tie = self._break_tie(tied, highest=False, reason=TieReason.EXCLUSION)
            ties.append(tie)
        else:
            candidate = tied[0]
        self.continuing.remove(candidate)
        for paper in self._papers_of(candidate):
            paper.position += 1
            self._pass_on(paper)
        self.votes[candidate] = 0
        self._record(Action.EXCLUSION, candidate, ties, None)
        self.stages[-1].excluded.append(candidate)

    def run(self) -> CountResult:
        for paper in self.papers:  # rule 45: first preferences at full value
            self.votes[paper.preferences[0]] += paper.value
        self._record(Action.FIRST, None, [], None)
        while True:
            self._elect_reaching_quota()
            if self._fill_last_places():
                break
            if self.pending:
                self._transfer_surplus()
            else:
                self._exclude_lowest()
        return CountResult(
            method=METHOD,
            seats=self.seats,
            candidates=self.candidates,
            valid_ballots=len(self.papers),
            quota=self.quota,
            stages=self.stages,
            elected=self.elected,
            seed=self.lot.seed,
        )


def count_stv(
    ballots: Sequence[Sequence[int]], candidates: Sequence[int], seats: int, *, seed: int
) -> CountResult:
    """Count ranked ballots (candidate ids, first preference first) for `seats` places.

    Preferences for ids not in `candidates` are ignored; an empty ballot is not a valid paper.
    """
    if seats < 1:
        raise ValueError("At least one place must be filled.")
    return _Count(ballots, candidates, seats, seed).run()
