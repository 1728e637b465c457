"""The counting rules on worked examples, computed by hand (see docs/elections.md).

Candidates are numbered; votes are in hundred-thousandths (UNIT = 1 vote).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from coopnet.governance.elections.counting import (
    UNIT,
    Action,
    TieReason,
    as_votes,
    count_fptp,
    count_stv,
    quota_for,
)

A, B, C, D, E = 1, 2, 3, 4, 5


def votes(stage, candidate):
    return as_votes(stage.totals[candidate])


def test_quota_is_droop_ignoring_fractions():
    assert quota_for(10, 2) == 4  # 10 / 3 = 3.33 -> 3, + 1
    assert quota_for(21, 3) == 6  # 21 / 4 = 5.25 -> 5, + 1
    assert quota_for(12, 1) == 7


def test_surplus_transfers_at_fractional_value_and_exhausted_papers_are_set_aside():
    """Two places, quota 4. A's six first preferences give a surplus of 2, passed on at
    2/6 = 0.33333 a paper (five places, remainder ignored). The paper with no second preference
    is non-transferable. B, lowest, is excluded; C and D tie at every stage: lot."""
    ballots = [[A, B]] * 5 + [[A]] + [[C]] * 2 + [[D, C]] * 2
    result = count_stv(ballots, [A, B, C, D], 2, seed=7)
    assert result.quota == 4
    first, surplus, exclusion, last = result.stages
    assert first.action == Action.FIRST
    assert [votes(first, c) for c in (A, B, C, D)] == [6, 0, 2, 2]
    assert first.elected == [A]

    assert surplus.action == Action.SURPLUS
    assert surplus.subject == A
    assert as_votes(surplus.transfer_value) == Decimal("0.33333")
    assert votes(surplus, A) == 4
    assert votes(surplus, B) == Decimal("1.66665")  # 5 x 0.33333
    assert as_votes(surplus.non_transferable) == Decimal("0.33333")

    assert exclusion.action == Action.EXCLUSION
    assert exclusion.subject == B
    assert votes(exclusion, B) == 0
    # B's five papers had no further preference: set aside at the value they carried.
    assert as_votes(exclusion.non_transferable) == Decimal("1.99998")

    assert last.action == Action.EXCLUSION
    (tie,) = last.ties
    assert tie.reason == TieReason.EXCLUSION
    assert tie.tied == (C, D)
    assert tie.by_lot
    excluded = tie.chosen[0]
    assert last.subject == excluded
    survivor = D if excluded == C else C
    assert result.elected == [A, survivor]
    assert last.elected == [survivor]  # the last continuing candidate fills the last place


def test_the_draw_is_repeatable_from_its_seed():
    ballots = [[A, B]] * 5 + [[A]] + [[C]] * 2 + [[D, C]] * 2
    outcomes = {
        seed: tuple(count_stv(ballots, [A, B, C, D], 2, seed=seed).elected) for seed in range(20)
    }
    for seed, elected in outcomes.items():
        assert tuple(count_stv(ballots, [A, B, C, D], 2, seed=seed).elected) == elected
    assert {e[1] for e in outcomes.values()} == {C, D}  # the lot really decides


def test_equal_lowest_are_separated_by_the_most_recent_stage_at_which_they_differed():
    """One place, quota 6. D is excluded and passes its paper to C; B and C then tie on 3, but at
    stage 1 C had fewer (2 against 3), so C is excluded. B follows; A is left and is elected."""
    ballots = [[A]] * 5 + [[B]] * 3 + [[C]] * 2 + [[D, C]]
    result = count_stv(ballots, [A, B, C, D], 1, seed=1)
    assert result.quota == 6
    assert [s.subject for s in result.stages[1:]] == [D, C, B]
    stage2, stage3 = result.stages[1], result.stages[2]
    assert votes(stage2, B) == votes(stage2, C) == 3
    (tie,) = stage3.ties
    assert tie.tied == (B, C)
    assert tie.chosen == (C,)
    assert not tie.by_lot
    assert tie.decided_at_stage == 1
    assert result.elected == [A]
    assert as_votes(result.stages[-1].non_transferable) == 6  # C's three and B's three


def test_surplus_of_transferred_papers_is_weighted_by_their_value():
    """Three places, quota 6 (21 papers). A: 8 -> surplus 2 at 0.25 to B, who reaches 7.
    B's surplus of 1 passes on inclusive of every paper, weighted: B's own five papers
    (value 1) at 1/7 = 0.14285 have no continuing preference (A is elected); the eight from A
    (value 0.25) at 0.25 x 1/7 = 0.03571 go to C. E, then C, are excluded; D fills the last
    place."""
    ballots = [[A, B, C]] * 8 + [[B, A]] * 5 + [[C]] * 3 + [[D, E]] * 3 + [[E, D]] * 2
    result = count_stv(ballots, [A, B, C, D, E], 3, seed=1)
    assert result.quota == 6
    s1, s2, s3, s4, s5 = result.stages
    assert s1.elected == [A]
    assert as_votes(s2.transfer_value) == Decimal("0.25")
    assert votes(s2, B) == 7
    assert s2.elected == [B]
    assert s3.subject == B
    assert as_votes(s3.transfer_value) == Decimal("0.14285")
    assert votes(s3, C) == Decimal("3.28568")  # 3 + 8 x 0.03571
    assert as_votes(s3.non_transferable) == Decimal("0.71425")  # 5 x 0.14285
    assert votes(s3, B) == 6
    assert s4.subject == E
    assert votes(s4, D) == 5
    assert s5.subject == C
    assert as_votes(s5.non_transferable) == Decimal("3.99993")
    assert result.elected == [A, B, D]
    # Nothing is created: every total plus what was set aside is at most the papers counted.
    assert sum(s5.totals.values()) + s5.non_transferable <= 21 * UNIT


def test_equal_surpluses_equal_at_every_stage_are_ordered_by_lot():
    """Three places, quota 4 (14 papers). A and B both hold 5 at the first stage, the only
    earlier stage there is: lot decides whose surplus (1 each, at 0.2 a paper) goes first."""
    ballots = [[A, C]] * 5 + [[B, D]] * 5 + [[C]] + [[D]] + [[E]] * 2
    result = count_stv(ballots, [A, B, C, D, E], 3, seed=3)
    assert result.quota == 4
    assert result.stages[0].elected == [A, B]
    second, third = result.stages[1], result.stages[2]
    (tie,) = second.ties
    assert tie.reason == TieReason.SURPLUS_ORDER
    assert tie.tied == (A, B)
    assert tie.by_lot
    first_out = tie.chosen[0]
    assert second.subject == first_out
    assert third.subject == (B if first_out == A else A)
    assert as_votes(second.transfer_value) == Decimal("0.2")
    assert votes(third, C) == votes(third, D) == 2


def test_blank_ballots_are_not_valid_papers():
    result = count_stv([[], [A], [B, A], [A]], [A, B], 1, seed=1)
    assert result.valid_ballots == 3
    assert result.quota == 2
    assert result.elected == [A]


def test_fewer_candidates_than_places_are_all_elected():
    result = count_stv([[A]], [A, B], 3, seed=1)
    assert result.elected == [A, B]


@pytest.mark.parametrize("seats", [0, -1])
def test_a_count_needs_a_place(seats):
    with pytest.raises(ValueError, match="place"):
        count_stv([[A]], [A], seats, seed=1)
    with pytest.raises(ValueError, match="place"):
        count_fptp([[A]], [A], seats, seed=1)


def test_first_past_the_post_for_two_places():
    ballots = [[A, B]] * 3 + [[B, C]] * 2 + [[C]] + [[A, B, C]] + [[]]
    result = count_fptp(ballots, [A, B, C], 2, seed=1)
    assert result.valid_ballots == 6  # the over-marked and the blank ballots are not valid
    (stage,) = result.stages
    assert [votes(stage, c) for c in (A, B, C)] == [3, 5, 3]
    assert result.elected[0] == B
    (tie,) = result.ties
    assert tie.reason == TieReason.LAST_PLACE
    assert tie.tied == (A, C)
    assert tie.by_lot
    assert result.elected == [B, tie.chosen[0]]


def test_first_past_the_post_without_a_tie():
    result = count_fptp([[A], [A], [B]], [A, B, C], 1, seed=1)
    assert result.elected == [A]
    assert result.ties == []
