"""Writes of the events app. Every view, command and task calls these."""

from .events import (
    EventDetails,
    event_change_following,
    event_change_occurrence,
    event_create,
    event_publish,
    event_reject,
    event_return,
    event_skip_occurrence,
    event_submit,
    event_update,
)
from .registrations import (
    calendar_feed_reset,
    registration_book,
    registration_cancel,
    registration_cancel_by_token,
    registration_confirm_email,
    registration_mark_attendance,
    registration_request,
    registrations_remind,
)

__all__ = [
    "EventDetails",
    "calendar_feed_reset",
    "event_change_following",
    "event_change_occurrence",
    "event_create",
    "event_publish",
    "event_reject",
    "event_return",
    "event_skip_occurrence",
    "event_submit",
    "event_update",
    "registration_book",
    "registration_cancel",
    "registration_cancel_by_token",
    "registration_confirm_email",
    "registration_mark_attendance",
    "registration_request",
    "registrations_remind",
]
