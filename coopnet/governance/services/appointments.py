"""Appointments to seats, checked against the body's composition rules (held as data on seats)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.periods import overlaps
from coopnet.members.models import Membership, Organisation, Person

from ..errors import GovernanceError
from ..models import Appointment, Constituency, Seat

MANAGE = "governance.manage_governance"

# Seats of these constituencies are held by a representative of a member in that category.
CATEGORY_OF = {
    Constituency.FULL: "full",
    Constituency.ASSOCIATE: "associate",
    Constituency.AFFILIATE: "affiliate",
}


def _category_on(organisation: Organisation, on: date) -> Membership | None:
    return (
        Membership.objects.current_on(on)
        .filter(organisation=organisation)
        .select_related("category")
        .order_by("-start")
        .first()
    )


def _constituency_problems(
    *, seat: Seat, organisation: Organisation | None, person: Person, start: date, how: str
) -> list[str]:
    problems: list[str] = []
    constituency = seat.constituency
    if constituency in CATEGORY_OF:
        wanted = CATEGORY_OF[Constituency(constituency)]
        if organisation is None:
            return [
                _("A %(constituency)s seat is held by a representative of a member organisation.")
                % {"constituency": Constituency(constituency).label}
            ]
        membership = _category_on(organisation, start)
        if membership is None or membership.category.code != wanted:
            held = _(membership.category.name) if membership else _("not a member")
            problems.append(
                _(
                    "%(organisation)s is not in the %(constituency)s category on %(date)s "
                    "(%(held)s), so it cannot hold this seat."
                )
                % {
                    "organisation": organisation.name,
                    "constituency": Constituency(constituency).label,
                    "date": start.isoformat(),
                    "held": held,
                }
            )
    elif constituency == Constituency.ACCOUNTABLE_BODY:
        if seat.reserved_for_id is None:
            problems.append(_("This seat does not say which organisation is the Accountable Body."))
        elif organisation is None or organisation.pk != seat.reserved_for_id:
            problems.append(
                _("This seat is held by a representative of %(organisation)s.")
                % {"organisation": seat.reserved_for}
            )
    elif constituency == Constituency.EX_OFFICIO:
        problems += _ex_officio_problems(seat=seat, person=person, start=start)
    if (constituency == Constituency.EX_OFFICIO) != (how == Appointment.How.EX_OFFICIO):
        problems.append(
            _("Only an ex officio seat is held ex officio, and an ex officio seat only so.")
        )
    return problems


def _ex_officio_problems(*, seat: Seat, person: Person, start: date) -> list[str]:
    source = seat.ex_officio_of
    if source is None:
        return [_("This ex officio seat does not say which office it follows.")]
    holds = Appointment.objects.filter(seat=source, person=person).current_on(start).exists()
    if not holds:
        return [
            _("%(person)s does not hold the office of %(seat)s on %(date)s.")
            % {"person": person, "seat": source, "date": start.isoformat()}
        ]
    return []


def _most_at_once(appointments: list[Appointment], start: date, end: date | None) -> int:
    """The most of these appointments held at the same time within [start, end]."""
    points = [start] + [a.start for a in appointments if a.start > start]
    points = [p for p in points if end is None or p <= end]
    return max(
        (sum(1 for a in appointments if overlaps(a.start, a.end, p, p)) for p in points),
        default=0,
    )


def _excluding(qs: QuerySet[Appointment], pk: int | None) -> QuerySet[Appointment]:
    return qs.exclude(pk=pk) if pk is not None else qs


def _seat_problems(
    *,
    seat: Seat,
    person: Person,
    start: date,
    end: date | None,
    exclude_pk: int | None = None,
) -> list[str]:
    problems: list[str] = []
    in_seat = [
        a
        for a in _excluding(seat.appointments.select_related("person"), exclude_pk)
        if overlaps(a.start, a.end, start, end)
    ]
    if any(a.person_id == person.pk for a in in_seat):
        problems.append(
            _("%(person)s already holds a place in %(seat)s over these dates.")
            % {"person": person, "seat": seat.name}
        )
    elif _most_at_once(in_seat, start, end) >= seat.places:
        problems.append(
            _("%(seat)s is full: its %(places)s place(s) are already held over these dates.")
            % {"seat": seat.name, "places": seat.places}
        )
    others = _excluding(
        Appointment.objects.filter(seat__body_id=seat.body_id, person=person)
        .exclude(seat=seat)
        .select_related("seat"),
        exclude_pk,
    )
    for other in others:
        if not overlaps(other.start, other.end, start, end):
            continue
        if seat.office and other.seat.office:
            problems.append(
                _("%(person)s already holds the office of %(office)s on this body then.")
                % {"person": person, "office": other.seat.get_office_display()}
            )
        else:
            problems.append(
                _("%(person)s already sits on this body in %(seat)s over these dates.")
                % {"person": person, "seat": other.seat.name}
            )
        break
    return problems


def appointment_problems(
    *,
    seat: Seat,
    person: Person,
    organisation: Organisation | None,
    start: date,
    end: date | None,
    how: str,
    exclude_pk: int | None = None,
) -> list[str]:
    """Why the appointment breaks the body's rules; empty when it may be made."""
    if end is not None and end < start:
        return [_("The end date is before the start date.")]
    if seat.office and seat.places != 1:
        return [_("An office is held by one person at a time.")]
    problems = _constituency_problems(
        seat=seat, organisation=organisation, person=person, start=start, how=how
    )
    problems += _seat_problems(
        seat=seat, person=person, start=start, end=end, exclude_pk=exclude_pk
    )
    return problems


def appointment_create(
    *,
    seat: Seat,
    person: Person,
    organisation: Organisation | None,
    start: date,
    end: date | None = None,
    how: str,
    by: Actor,
    start_is_approximate: bool = False,
    source: str = "",
) -> Appointment:
    """Appoint a person to a seat from `start` (until `end`, or open), refusing anything that
    breaks the body's composition rules (held as data on its seats)."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        seat = (
            Seat.objects.select_for_update(of=("self",))
            .select_related("body", "reserved_for")
            .get(pk=seat.pk)
        )
        # The person too: the "one seat per person on a body" rule spans the body's seats.
        Person.objects.select_for_update(of=("self",)).filter(pk=person.pk).first()
        problems = appointment_problems(
            seat=seat, person=person, organisation=organisation, start=start, end=end, how=how
        )
        if problems:
            raise GovernanceError(" ".join(problems))
        appointment = Appointment.objects.create(
            seat=seat,
            person=person,
            organisation=organisation,
            start=start,
            end=end,
            how=how,
            start_is_approximate=start_is_approximate,
            source=source,
        )
        audit_record(
            by=by,
            action="appointment.created",
            target=appointment,
            summary=f"{person} appointed to {seat} from {start.isoformat()}"
            + (f" until {end.isoformat()}" if end else ""),
            about=(seat.body, person, organisation),
            changes={
                "start": start.isoformat(),
                "end": end.isoformat() if end else None,
                "how": how,
            },
        )
        return appointment


def appointment_end(*, appointment: Appointment, end: date, by: Actor) -> Appointment:
    """Close an appointment (stepping down, end of term). Ending it earlier never breaks a rule
    except that it cannot end before it started."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        Seat.objects.select_for_update(of=("self",)).filter(pk=appointment.seat_id).first()
        appointment = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("seat__body", "person", "organisation")
            .get(pk=appointment.pk)
        )
        if end < appointment.start:
            raise GovernanceError(_("The end date is before the start date."))
        if appointment.end is not None and end > appointment.end:
            raise GovernanceError(_("Use a new appointment to extend a term that has ended."))
        was = appointment.end
        appointment.end = end
        appointment.save()
        audit_record(
            by=by,
            action="appointment.ended",
            target=appointment,
            summary=f"{appointment.person} ends in {appointment.seat} on {end.isoformat()}",
            about=(appointment.seat.body, appointment.person, appointment.organisation),
            changes={"end": [was.isoformat() if was else None, end.isoformat()]},
        )
        return appointment
