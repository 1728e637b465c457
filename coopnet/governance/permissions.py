"""Who may do what in governance. Views check these; services check them again for writes."""

from __future__ import annotations

import rules
from django.utils import timezone

from coopnet.accounts.permissions import is_network_admin

from .models import Appointment


def _person(user):
    if not (user and user.is_authenticated):
        return None
    return getattr(user, "person", None)


@rules.predicate
def serves_on_meeting_bodies(user, meeting) -> bool:
    """Holds a seat on one of the meeting's bodies on the day of the meeting or today."""
    person = _person(user)
    if person is None or meeting is None:
        return False
    held = Appointment.objects.filter(person=person, seat__body__meetings=meeting)
    return (
        held.current_on(meeting.starts_at.date()).exists()
        or held.current_on(timezone.localdate()).exists()
    )


@rules.predicate
def attended_meeting(user, meeting) -> bool:
    person = _person(user)
    if person is None or meeting is None:
        return False
    return meeting.attendances.filter(person=person, status="present").exists()


@rules.predicate
def serves_on_body(user, body) -> bool:
    person = _person(user)
    if person is None or body is None:
        return False
    return (
        Appointment.objects.filter(person=person, seat__body=body)
        .current_on(timezone.localdate())
        .exists()
    )


rules.add_perm("governance.manage_governance", is_network_admin)
rules.add_perm(
    "governance.view_meeting_papers", is_network_admin | serves_on_meeting_bodies | attended_meeting
)
rules.add_perm("governance.comment_on_minutes", attended_meeting)
rules.add_perm("governance.view_action_log", is_network_admin | serves_on_body)
