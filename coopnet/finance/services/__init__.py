"""Writes to the network's finances. Each checks permission, validates, writes in one transaction
and queues its emails after commit."""

from .fees import fee_schedule_set
from .invoicing import invoice_raise_first, invoice_run_confirm, invoice_run_plan
from .payments import (
    credit_note_issue,
    lapsed_membership_end,
    payment_record,
    payment_reverse,
    purchase_order_set,
    reminders_send,
)

__all__ = [
    "credit_note_issue",
    "fee_schedule_set",
    "invoice_raise_first",
    "invoice_run_confirm",
    "invoice_run_plan",
    "lapsed_membership_end",
    "payment_record",
    "payment_reverse",
    "purchase_order_set",
    "reminders_send",
]
