"""Counting methods. Each takes ballots as sequences of candidate ids and returns a CountResult."""

from .common import UNIT, Action, CountResult, Stage, TieBreak, TieReason, as_votes
from .fptp import count_fptp
from .stv import count_stv, quota_for

__all__ = [
    "UNIT",
    "Action",
    "CountResult",
    "Stage",
    "TieBreak",
    "TieReason",
    "as_votes",
    "count_fptp",
    "count_stv",
    "quota_for",
]
