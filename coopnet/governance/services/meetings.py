"""Meetings: scheduling, agenda, papers, attendance, decisions and actions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.uploads import PDF, name_by_content, starts_like_pdf
from coopnet.members.models import Person

from ..errors import GovernanceError
from ..models import Action, AgendaItem, Attendance, Body, Decision, Meeting, Minutes, Paper
from .appointments import MANAGE

PAPER_MAX_BYTES = 20 * 1024 * 1024


def paper_max_bytes() -> int:
    return int(getattr(settings, "COOPNET_GOVERNANCE_PAPER_MAX_BYTES", PAPER_MAX_BYTES))


def _check_kind(kind: str, bodies: list[Body]) -> None:
    if not bodies:
        raise GovernanceError(_("Choose the body or bodies meeting."))
    if kind == Meeting.Kind.JOINT and len(bodies) < 2:
        raise GovernanceError(_("A joint meeting is a meeting of two or more bodies."))
    if kind == Meeting.Kind.ORDINARY and len(bodies) > 1:
        raise GovernanceError(_("A meeting of more than one body is a joint meeting."))


def meeting_save(
    *,
    meeting: Meeting | None = None,
    bodies: Iterable[Body],
    title: str,
    kind: str,
    starts_at: datetime,
    online: bool,
    location: str,
    by: Actor,
) -> Meeting:
    """Schedule a meeting (or change one): its bodies, kind, time and place. Each meeting has
    minutes, in draft until circulated."""
    require(by, MANAGE)
    bodies = list(bodies)
    _check_kind(kind, bodies)
    if not online and not location.strip():
        raise GovernanceError(_("Say where a meeting in person is held."))
    with transaction.atomic(), acting_as(by):
        created = meeting is None
        if meeting is not None:
            meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
            if hasattr(meeting, "minutes") and meeting.minutes.status != Minutes.Status.DRAFT:
                raise GovernanceError(
                    _("Minutes have been circulated: the meeting can no longer change.")
                )
        else:
            meeting = Meeting()
        meeting.title, meeting.kind, meeting.starts_at = title, kind, starts_at
        meeting.online, meeting.location = online, location
        meeting.save()
        meeting.bodies.set(bodies)
        Minutes.objects.get_or_create(meeting=meeting)
        audit_record(
            by=by,
            action="meeting.scheduled" if created else "meeting.changed",
            target=meeting,
            summary=f"{meeting} on {starts_at:%Y-%m-%d %H:%M}",
            about=bodies,
        )
        return meeting


def _draft_minutes_of(meeting: Meeting) -> Minutes:
    """Lock the minutes: items, attendance, decisions and actions change only while in draft or
    out for comment."""
    minutes, _created = Minutes.objects.select_for_update(of=("self",)).get_or_create(
        meeting=meeting
    )
    if minutes.status in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED):
        raise GovernanceError(_("The minutes have been approved and can no longer change."))
    return minutes


def _check_approves(meeting: Meeting, approves: Meeting | None) -> None:
    if approves is None:
        return
    if approves.pk == meeting.pk or approves.starts_at >= meeting.starts_at:
        raise GovernanceError(_("A meeting approves the minutes of an earlier meeting only."))
    if not set(approves.bodies.values_list("pk", flat=True)) & set(
        meeting.bodies.values_list("pk", flat=True)
    ):
        raise GovernanceError(_("A meeting approves the minutes of its own bodies' meetings only."))
    other = AgendaItem.objects.filter(approves_minutes_of=approves).first()
    if other is not None:
        raise GovernanceError(
            _("Item %(item)s of %(meeting)s already approves those minutes.")
            % {"item": other.number, "meeting": other.meeting}
        )


def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    description: str = "",
    approves_minutes_of: Meeting | None = None,
    by: Actor,
) -> AgendaItem:
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        _draft_minutes_of(meeting)
        _check_approves(meeting, approves_minutes_of)
        last = meeting.agenda_items.aggregate(n=Max("number"))["n"] or 0
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=last + 1,
            title=title,
            description=description,
            approves_minutes_of=approves_minutes_of,
        )
        audit_record(
            by=by,
            action="meeting.item_added",
            target=item,
            summary=f"Item {item.number} of {meeting}: {title}",
            about=(meeting, approves_minutes_of),
        )
        return item


def _check_pdf(upload: UploadedFile) -> None:
    if upload.size is None or upload.size > paper_max_bytes():
        raise GovernanceError(
            _("The file is larger than %(mb)s MB.") % {"mb": paper_max_bytes() // (1024 * 1024)}
        )
    if not starts_like_pdf(upload):
        raise GovernanceError(_("Papers must be PDF files."))
    name_by_content(upload, PDF)


def paper_add(
    *,
    agenda_item: AgendaItem,
    title: str,
    upload: UploadedFile,
    confidential: bool = False,
    by: Actor,
) -> Paper:
    require(by, MANAGE)
    _check_pdf(upload)
    with transaction.atomic(), acting_as(by):
        _draft_minutes_of(agenda_item.meeting)
        paper = Paper.objects.create(
            agenda_item=agenda_item,
            title=title,
            file=upload,
            size=upload.size or 0,
            confidential=confidential,
            uploaded_by=user_of(by),
        )
        audit_record(
            by=by,
            action="meeting.paper_added",
            target=paper,
            summary=f"Paper {title!r} for item {agenda_item.number} of {agenda_item.meeting}"
            + (" (confidential)" if confidential else ""),
            about=(agenda_item.meeting,),
        )
        return paper


def attendance_record(
    *,
    meeting: Meeting,
    person: Person,
    status: str,
    in_attendance: bool = False,
    by: Actor,
) -> Attendance:
    """Record that a person attended, sent apologies or was absent (replacing any earlier
    record)."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        _draft_minutes_of(meeting)
        if meeting.starts_at > timezone.now() and status == Attendance.Status.PRESENT:
            raise GovernanceError(_("Attendance is recorded once the meeting has been held."))
        attendance = Attendance.objects.filter(
            meeting=meeting, person=person
        ).first() or Attendance(meeting=meeting, person=person)
        attendance.status, attendance.in_attendance = status, in_attendance
        attendance.save()
        audit_record(
            by=by,
            action="meeting.attendance_recorded",
            target=attendance,
            summary=f"{person} at {meeting}: {status}",
            about=(meeting, person),
        )
        return attendance


def attendance_record_all(
    *, meeting: Meeting, entries: list[tuple[Person, str, bool]], by: Actor
) -> list[Attendance]:
    """Record a meeting's attendance in one go: each (person, status, in attendance), all or
    none. Unchanged records are left alone, so their history shows only real changes."""
    require(by, MANAGE)
    if not entries:
        raise GovernanceError(_("Choose the attendance of at least one person."))
    recorded = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    changed = []
    with transaction.atomic():
        for person, status, in_attendance in entries:
            earlier = recorded.get(person.pk)
            if earlier and (earlier.status, earlier.in_attendance) == (status, in_attendance):
                continue
            changed.append(
                attendance_record(
                    meeting=meeting,
                    person=person,
                    status=status,
                    in_attendance=in_attendance,
                    by=by,
                )
            )
    return changed


def decision_record(*, agenda_item: AgendaItem, text: str, by: Actor) -> Decision:
    require(by, MANAGE)
    if not text.strip():
        raise GovernanceError(_("Write the decision."))
    with transaction.atomic(), acting_as(by):
        _draft_minutes_of(agenda_item.meeting)
        decision = Decision.objects.create(agenda_item=agenda_item, text=text.strip())
        audit_record(
            by=by,
            action="meeting.decision_recorded",
            target=decision,
            summary=f"Decision at item {agenda_item.number} of {agenda_item.meeting}",
            about=(agenda_item.meeting,),
        )
        return decision


def action_record(
    *, agenda_item: AgendaItem, text: str, owner: Person, due: date, by: Actor
) -> Action:
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        _draft_minutes_of(agenda_item.meeting)
        if due < agenda_item.meeting.starts_at.date():
            raise GovernanceError(_("An action cannot be due before the meeting that agreed it."))
        action = Action.objects.create(
            agenda_item=agenda_item, text=text.strip(), owner=owner, due=due
        )
        audit_record(
            by=by,
            action="meeting.action_recorded",
            target=action,
            summary=f"Action for {owner}, due {due.isoformat()}",
            about=(agenda_item.meeting, owner),
        )
        return action


def action_complete(*, action: Action, on: date, by: Actor) -> Action:
    """Mark an action done (the action log shows it); actions stay open to this after approval."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        action = (
            Action.objects.select_for_update(of=("self",))
            .select_related("agenda_item__meeting", "owner")
            .get(pk=action.pk)
        )
        if action.done_on is not None:
            raise GovernanceError(_("This action is already done."))
        if on < action.agenda_item.meeting.starts_at.date():
            raise GovernanceError(_("An action cannot be done before the meeting that agreed it."))
        action.done_on = on
        action.save()
        audit_record(
            by=by,
            action="meeting.action_done",
            target=action,
            summary=f"Action for {action.owner} done on {on.isoformat()}",
            about=(action.agenda_item.meeting, action.owner),
        )
        return action
