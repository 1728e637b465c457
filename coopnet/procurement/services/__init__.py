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
from .signup import NewSupplier, supplier_sign_up

__all__ = [
    "NewSupplier",
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
    "supplier_sign_up",
    "tender_score",
    "tender_submit",
    "tenders_open",
]
