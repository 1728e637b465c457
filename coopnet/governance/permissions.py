"""Who may do what in governance. Views check these; services check them again for writes."""

from __future__ import annotations

import rules
from django.utils import timezone

from coopnet.accounts.permissions import is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed

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


def paper_may_be_seen(user, paper) -> bool:
    """A meeting's insiders see its papers; everyone else once the minutes are published, unless
    the paper is confidential."""
    meeting = paper.agenda_item.meeting
    if allowed(user, "governance.view_meeting_papers", meeting):
        return True
    minutes = getattr(meeting, "minutes", None)
    return bool(minutes is not None and minutes.is_published and not paper.confidential)


def register_files() -> None:
    """Who may see each file governance keeps (coopnet.core.files)."""
    register_file("governance.DocumentVersion", "file", can_view=lambda user, version: True)
    register_file("governance.Paper", "file", can_view=paper_may_be_seen)
    # A photo shows a person: only of a person who chose to be named, or to staff.
    register_file(
        "governance.MemberProfile",
        "photo",
        can_view=lambda user, profile: (
            profile.person.public_name is not None or allowed(user, "governance.manage_governance")
        ),
    )
