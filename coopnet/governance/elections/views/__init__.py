from .public import election_detail, election_list, receipt_check, results_csv, results_pdf
from .staff import election_advance, election_create, election_edit, election_manage, electorate
from .voter import (
    ballot,
    can_i_vote,
    delegate,
    nominate,
    nomination_accept,
    nomination_decline,
    nomination_detail,
)

__all__ = [
    "ballot",
    "can_i_vote",
    "delegate",
    "election_advance",
    "election_create",
    "election_detail",
    "election_edit",
    "election_list",
    "election_manage",
    "electorate",
    "nominate",
    "nomination_accept",
    "nomination_decline",
    "nomination_detail",
    "receipt_check",
    "results_csv",
    "results_pdf",
]
