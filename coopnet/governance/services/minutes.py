"""Minutes: drafted, circulated to those present for comment, approved by an agenda item of a
later meeting, then published. Every change of state is recorded in the minutes' history."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.members.models import Person

from .. import tasks
from ..errors import GovernanceError
from ..models import AgendaItem, Attendance, Meeting, Minutes, MinutesComment
from .common import require
from .meetings import MANAGE, _saved

S = Minutes.Status


def _lock(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def minutes_save(
    *, meeting: Meeting, summary: str, item_minutes: dict[int, str], by: User | None
) -> Minutes:
    """Write the draft: opening notes and the minute of each agenda item (by item id)."""
    require(by, MANAGE)
    minutes = _lock(meeting)
    if minutes.status not in (S.DRAFT, S.CIRCULATED):
        raise GovernanceError(_("Approved minutes cannot be changed."))
    for item in meeting.agenda_items.all():
        text = item_minutes.get(item.pk)
        if text is not None and text != item.minute:
            item.minute = text
            _saved(item, by)
    if summary != minutes.summary:
        minutes.summary = summary
        _saved(minutes, by)
    return minutes


@transaction.atomic
def minutes_circulate(*, meeting: Meeting, by: User | None) -> Minutes:
    """Send the draft to everyone recorded as present, who may then comment."""
    require(by, MANAGE)
    minutes = _lock(meeting)
    if minutes.status != S.DRAFT:
        raise GovernanceError(_("Only draft minutes can be circulated."))
    if meeting.starts_at > timezone.now():
        raise GovernanceError(_("Minutes are circulated after the meeting has been held."))
    present = meeting.attendances.filter(status=Attendance.Status.PRESENT)
    if not present.exists():
        raise GovernanceError(_("Record who attended before circulating the minutes."))
    if not any(i.minute.strip() for i in meeting.agenda_items.all()):
        raise GovernanceError(_("Write the minutes of at least one item before circulating."))
    minutes.status, minutes.circulated_at = S.CIRCULATED, timezone.now()
    _saved(minutes, by)
    transaction.on_commit(lambda: tasks.send_minutes_circulated.enqueue(minutes.pk))
    return minutes


@transaction.atomic
def minutes_comment(*, meeting: Meeting, person: Person, text: str) -> MinutesComment:
    """An attendee's comment on circulated minutes."""
    minutes = _lock(meeting)
    if minutes.status != S.CIRCULATED:
        raise GovernanceError(_("Comments are taken while the minutes are out for comment."))
    if not meeting.attendances.filter(person=person, status=Attendance.Status.PRESENT).exists():
        raise GovernanceError(_("Only those who attended the meeting comment on its minutes."))
    if not text.strip():
        raise GovernanceError(_("Write your comment."))
    return MinutesComment.objects.create(minutes=minutes, person=person, text=text.strip())


@transaction.atomic
def minutes_approve(*, meeting: Meeting, at_item: AgendaItem, by: User | None) -> Minutes:
    """Record that an agenda item of a later meeting, held, approved the minutes."""
    require(by, MANAGE)
    minutes = _lock(meeting)
    if minutes.status != S.CIRCULATED:
        raise GovernanceError(_("Minutes are approved after they have been circulated."))
    if at_item.approves_minutes_of_id != meeting.pk:
        raise GovernanceError(
            _("Agenda item %(item)s of %(meeting)s is not the approval of these minutes.")
            % {"item": at_item.number, "meeting": at_item.meeting}
        )
    if at_item.meeting.starts_at > timezone.now():
        raise GovernanceError(_("The meeting that approves the minutes has not been held yet."))
    minutes.status, minutes.approved_at_item = S.APPROVED, at_item
    return _saved(minutes, by)


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by: User | None) -> Minutes:
    require(by, MANAGE)
    minutes = _lock(meeting)
    if minutes.status != S.APPROVED:
        raise GovernanceError(_("Only approved minutes are published."))
    minutes.status, minutes.published_at = S.PUBLISHED, timezone.now()
    return _saved(minutes, by)
