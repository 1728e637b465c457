"""Funding rounds, bids, reviews, decisions and the projects they become."""

from .bids import Bid, BidDocument, BidMilestone, BidPartner, BudgetLine
from .projects import (
    FollowUpReview,
    PaymentInstalment,
    ProgressReport,
    Project,
    ProjectMilestone,
)
from .reviews import Decision, ReviewAssignment, ReviewScore
from .rounds import ReviewCriterion, Round, RoundPot, Scheme, SchemeRule

__all__ = [
    "Bid",
    "BidDocument",
    "BidMilestone",
    "BidPartner",
    "BudgetLine",
    "Decision",
    "FollowUpReview",
    "PaymentInstalment",
    "ProgressReport",
    "Project",
    "ProjectMilestone",
    "ReviewAssignment",
    "ReviewCriterion",
    "ReviewScore",
    "Round",
    "RoundPot",
    "Scheme",
    "SchemeRule",
]
