"""Writes to funding rounds, bids, reviews, decisions and projects (one transaction each)."""

from .bids import (
    BID_FIELDS,
    bid_add_document,
    bid_add_partner,
    bid_carry_forward,
    bid_create,
    bid_remove_partner,
    bid_set_budget,
    bid_set_milestones,
    bid_submit,
    bid_update,
    bid_withdraw,
    partner_confirm,
    round_save,
)
from .projects import (
    agreement_sign,
    follow_up_record,
    project_set_status,
    report_review,
    report_submit,
    reports_due_for_reminder,
)
from .reviews import (
    conflict_declare,
    decision_record,
    review_score,
    reviewer_assign,
)

__all__ = [
    "BID_FIELDS",
    "agreement_sign",
    "bid_add_document",
    "bid_add_partner",
    "bid_carry_forward",
    "bid_create",
    "bid_remove_partner",
    "bid_set_budget",
    "bid_set_milestones",
    "bid_submit",
    "bid_update",
    "bid_withdraw",
    "conflict_declare",
    "decision_record",
    "follow_up_record",
    "partner_confirm",
    "project_set_status",
    "report_review",
    "report_submit",
    "reports_due_for_reminder",
    "review_score",
    "reviewer_assign",
    "round_save",
]
