"""Writes to governance. Each validates, writes in one transaction and records history."""

from .appointments import appointment_create, appointment_end, appointment_problems
from .documents import document_version_add, member_photo_save
from .meetings import (
    action_complete,
    action_record,
    agenda_item_add,
    attendance_record,
    attendance_record_all,
    decision_record,
    meeting_save,
    paper_add,
)
from .minutes import (
    minutes_approve,
    minutes_circulate,
    minutes_comment,
    minutes_publish,
    minutes_save,
)

__all__ = [
    "action_complete",
    "action_record",
    "agenda_item_add",
    "appointment_create",
    "appointment_end",
    "appointment_problems",
    "attendance_record",
    "attendance_record_all",
    "decision_record",
    "document_version_add",
    "meeting_save",
    "member_photo_save",
    "minutes_approve",
    "minutes_circulate",
    "minutes_comment",
    "minutes_publish",
    "minutes_save",
    "paper_add",
]
