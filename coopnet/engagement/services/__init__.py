"""Writes of networks, discussions and the newsletter (keyword-only; each checks permission)."""

from .discussions import (
    discussion_digests_send,
    post_hide,
    post_report,
    post_show,
    reply_post,
    thread_lock,
    thread_start,
)
from .groups import (
    group_approve,
    group_decline,
    group_join,
    group_leave,
    group_request,
    group_rules_update,
    membership_preferences_set,
    rules_accept,
)
from .newsletter import (
    newsletter_create,
    newsletter_deliver,
    newsletter_send,
    newsletter_send_test,
    newsletter_update,
    subscriber_bounce,
    subscriber_confirm,
    subscriber_signup,
    subscriber_unsubscribe,
)

__all__ = [
    "discussion_digests_send",
    "group_approve",
    "group_decline",
    "group_join",
    "group_leave",
    "group_request",
    "group_rules_update",
    "membership_preferences_set",
    "newsletter_create",
    "newsletter_deliver",
    "newsletter_send",
    "newsletter_send_test",
    "newsletter_update",
    "post_hide",
    "post_report",
    "post_show",
    "reply_post",
    "rules_accept",
    "subscriber_bounce",
    "subscriber_confirm",
    "subscriber_signup",
    "subscriber_unsubscribe",
    "thread_lock",
    "thread_start",
]
