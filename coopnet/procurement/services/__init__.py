"""Writes to procurement: one transaction each, with an audit entry, messages after commit."""

from .applications import (
    admission_remove,
    application_decide,
    application_extend,
    application_submit,
    clean_companies_house_number,
    declarations_renew,
    declarations_request,
)
from .calloffs import (
    buyer_is_eligible,
    calloff_award,
    calloff_create,
    calloff_issue,
    clarification_answer,
    clarification_ask,
    tender_score,
    tender_submit,
    tenders_open,
)
from .notices import notice_add, notice_update

__all__ = [
    "admission_remove",
    "application_decide",
    "application_extend",
    "application_submit",
    "buyer_is_eligible",
    "calloff_award",
    "calloff_create",
    "calloff_issue",
    "clarification_answer",
    "clarification_ask",
    "clean_companies_house_number",
    "declarations_renew",
    "declarations_request",
    "notice_add",
    "notice_update",
    "tender_score",
    "tender_submit",
    "tenders_open",
]
