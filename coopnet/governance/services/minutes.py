"""Minutes: drafted, circulated to those present for comment, approved by an agenda item of a
later meeting, then published. Every change of state is recorded in the minutes' history and in
the audit trail."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require

from .. import tasks
from ..errors import GovernanceError
from ..models import AgendaItem, Attendance, Meeting, Minutes, MinutesComment
from ..quorum import quorum_check
from .appointments import MANAGE

S = Minutes.Status
COMMENT = "governance.comment_on_minutes"


def _lock(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.select_for_update(of=("self",)).get_or_create(
        meeting=meeting
    )
    return minutes


def _audit(minutes: Minutes, *, by: Actor, action: str, summary: str, **extra) -> None:
    audit_record(
        by=by,
        action=action,
        target=minutes,
        summary=summary,
        about=(minutes.meeting, *minutes.meeting.bodies.all()),
        **extra,
    )


def minutes_save(
    *, meeting: Meeting, summary: str, item_minutes: dict[int, str], by: Actor
) -> Minutes:
    """Write the draft: opening notes and the minute of each agenda item (by item id)."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        minutes = _lock(meeting)
        if minutes.status not in (S.DRAFT, S.CIRCULATED):
            raise GovernanceError(_("Approved minutes cannot be changed."))
        changed: list[str] = []
        for item in meeting.agenda_items.all():
            text = item_minutes.get(item.pk)
            if text is not None and text != item.minute:
                item.minute = text
                item.save()
                changed.append(str(item.number))
        if summary != minutes.summary:
            minutes.summary = summary
            minutes.save()
            changed.append("summary")
        if changed:
            _audit(
                minutes,
                by=by,
                action="minutes.saved",
                summary=f"Minutes of {meeting} written ({', '.join(changed)})",
            )
        return minutes


def minutes_circulate(*, meeting: Meeting, by: Actor) -> Minutes:
    """Send the draft to everyone recorded as present, who may then comment."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
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
        minutes.save()
        _audit(
            minutes, by=by, action="minutes.circulated", summary=f"Minutes of {meeting} circulated"
        )
        transaction.on_commit(lambda: tasks.send_minutes_circulated.enqueue(minutes.pk))
        return minutes


def minutes_comment(*, meeting: Meeting, text: str, by: Actor) -> MinutesComment:
    """An attendee's comment on circulated minutes (`by` is the attendee)."""
    require(
        by,
        COMMENT,
        meeting,
        message=_("Only those who attended the meeting comment on its minutes."),
    )
    person = getattr(by, "person", None)
    if person is None:
        raise refuse(_("Only those who attended the meeting comment on its minutes."))
    with transaction.atomic(), acting_as(by):
        minutes = _lock(meeting)
        if minutes.status != S.CIRCULATED:
            raise GovernanceError(_("Comments are taken while the minutes are out for comment."))
        if not meeting.attendances.filter(person=person, status=Attendance.Status.PRESENT).exists():
            raise refuse(_("Only those who attended the meeting comment on its minutes."))
        if not text.strip():
            raise GovernanceError(_("Write your comment."))
        comment = MinutesComment.objects.create(minutes=minutes, person=person, text=text.strip())
        audit_record(
            by=by,
            action="minutes.commented",
            target=comment,
            summary=f"{person} commented on the minutes of {meeting}",
            about=(minutes, meeting, person),
        )
        return comment


def minutes_approve(*, meeting: Meeting, at_item: AgendaItem, by: Actor) -> Minutes:
    """Record that an agenda item of a later meeting, held, approved the minutes."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
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
        _check_quorate(at_item.meeting)
        minutes.status, minutes.approved_at_item = S.APPROVED, at_item
        minutes.save()
        _audit(
            minutes,
            by=by,
            action="minutes.approved",
            summary=f"Minutes of {meeting} approved at item {at_item.number} of {at_item.meeting}",
        )
        return minutes


def _check_quorate(meeting: Meeting) -> None:
    """Minutes are approved only by a meeting whose attendance is recorded and that was quorate
    (for a joint meeting, quorate for each of its bodies)."""
    if not meeting.attendances.filter(status=Attendance.Status.PRESENT).exists():
        raise GovernanceError(
            _("Record who attended %(meeting)s before it approves any minutes.")
            % {"meeting": meeting}
        )
    short = [q for q in quorum_check(meeting) if not q.quorate]
    if short:
        raise GovernanceError(
            _("%(meeting)s was not quorate, so it cannot approve minutes: %(details)s.")
            % {
                "meeting": meeting,
                "details": "; ".join(
                    _("%(body)s had %(present)s of the %(required)s members needed")
                    % {"body": q.body, "present": q.present, "required": q.required}
                    for q in short
                ),
            }
        )


def minutes_publish(*, meeting: Meeting, by: Actor) -> Minutes:
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        minutes = _lock(meeting)
        if minutes.status != S.APPROVED:
            raise GovernanceError(_("Only approved minutes are published."))
        minutes.status, minutes.published_at = S.PUBLISHED, timezone.now()
        minutes.save()
        _audit(
            minutes, by=by, action="minutes.published", summary=f"Minutes of {meeting} published"
        )
        return minutes
