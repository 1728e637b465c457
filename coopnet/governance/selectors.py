"""Reads of governance. Each returns a queryset or value with its joins already set, so a page
costs the same number of queries however many members, meetings or actions there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import F, Prefetch, Q, QuerySet

from coopnet.accounts.roles import STAFF_ROLES
from coopnet.core.periods import current_on_q
from coopnet.members.models import Person, Role, RoleKind

from .models import (
    Action,
    AgendaItem,
    Appointment,
    Attendance,
    Body,
    DocumentVersion,
    GovernanceDocument,
    Meeting,
    Minutes,
    MinutesComment,
    Office,
    Seat,
)
from .quorum import Quorum as Quorum
from .quorum import minutes_recipients as minutes_recipients
from .quorum import quorum_check as quorum_check
from .quorum import quorum_rule as quorum_rule


def members_on(body: Body, on: date) -> QuerySet[Appointment]:
    """Appointments to the body's seats held on the date, with person, organisation and seat."""
    return (
        Appointment.objects.filter(seat__body=body)
        .current_on(on)
        .select_related("person", "organisation", "seat", "seat__body")
        .order_by("seat__order", "seat_id", "start", "person__full_name")
    )


def people_serving_on(body_slugs: list[str], on: date) -> QuerySet[Person]:
    """People holding a seat on any of the bodies on the date."""
    held = Appointment.objects.filter(seat__body__slug__in=body_slugs).current_on(on)
    return Person.objects.filter(pk__in=held.values("person_id")).order_by("full_name")


def appointments_representing(person_id: int, on: date) -> QuerySet[Appointment]:
    """A person's appointments held on the date for an organisation (those naming one)."""
    return Appointment.objects.filter(
        current_on_q(on), person_id=person_id, organisation__isnull=False
    )


def body_names(slugs: list[str]) -> list[str]:
    """The names of the bodies with these slugs, in the database's order."""
    return list(Body.objects.filter(slug__in=slugs).values_list("name", flat=True))


def joint_meetings() -> QuerySet[Meeting]:
    """Joint meetings, latest first."""
    return Meeting.objects.filter(kind=Meeting.Kind.JOINT).order_by("-starts_at")


def agenda_items_of_joint_meetings() -> QuerySet[AgendaItem]:
    """The agenda items of every joint meeting, with their meeting."""
    return AgendaItem.objects.filter(meeting__in=joint_meetings()).select_related("meeting")


def is_joint_meeting(meeting: Meeting) -> bool:
    return meeting.kind == Meeting.Kind.JOINT


def appointments(*, on: date | None = None) -> QuerySet[Appointment]:
    """Every appointment (or those held on a date), for listings and the API."""
    qs = Appointment.objects.select_related("person", "organisation", "seat", "seat__body")
    if on is not None:
        qs = qs.current_on(on)
    return qs.order_by("seat__body__order", "seat__order", "start", "pk")


def bodies() -> QuerySet[Body]:
    return Body.objects.order_by("order", "name")


def seats() -> QuerySet[Seat]:
    return Seat.objects.select_related("body", "ex_officio_of", "ex_officio_of__body").order_by(
        "body__order", "order", "pk"
    )


# --- the body page --------------------------------------------------------------------------------


@dataclass
class SeatRow:
    seat: Seat
    holders: list[Appointment] = field(default_factory=list)

    @property
    def vacancies(self) -> int:
        return max(self.seat.places - len(self.holders), 0)

    @property
    def vacancy_range(self) -> range:
        return range(self.vacancies)


@dataclass
class BodyPage:
    body: Body
    on: date
    rows: list[SeatRow]
    next_election: Any = None

    @property
    def places(self) -> int:
        return sum(r.seat.places for r in self.rows)

    @property
    def filled(self) -> int:
        return sum(len(r.holders) for r in self.rows)

    @property
    def vacancies(self) -> int:
        return sum(r.vacancies for r in self.rows)


def body_page(slug: str, on: date) -> BodyPage:
    """The body, its seats in order, who held each on the date (with photo) and what is vacant."""
    return body_page_of(Body.objects.get(slug=slug), on)


def body_page_of(body: Body, on: date) -> BodyPage:
    """`body_page` for a body already read."""
    held = (
        members_on(body, on)
        .select_related("person__governance_profile")
        .order_by("seat_id", "person__full_name")
    )
    by_seat: dict[int, list[Appointment]] = {}
    for appointment in held:
        by_seat.setdefault(appointment.seat_id, []).append(appointment)
    rows = [SeatRow(seat, by_seat.get(seat.pk, [])) for seat in body.seats.order_by("order", "pk")]
    return BodyPage(body=body, on=on, rows=rows, next_election=next_election(body))


def next_election(body: Body) -> Any:
    """The body's coming or running election (announced, results not yet published), or None.

    Asks the elections app when it is installed; governance works without it."""
    if not apps.is_installed("coopnet.governance.elections"):
        return None
    from coopnet.governance.elections.selectors import next_election_for

    return next_election_for(body)


# --- meetings -------------------------------------------------------------------------------------


def meetings(*, body: Body | None = None, published_only: bool) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("minutes").prefetch_related("bodies")
    if body is not None:
        qs = qs.filter(bodies=body)
    if published_only:
        qs = qs.filter(minutes__status=Minutes.Status.PUBLISHED)
    return qs.order_by("-starts_at", "pk")


def meeting_for_page(pk: int) -> Meeting:
    items = AgendaItem.objects.select_related("approves_minutes_of").prefetch_related(
        "papers",
        "decisions",
        Prefetch("actions", queryset=Action.objects.select_related("owner")),
    )
    return (
        Meeting.objects.select_related("minutes", "minutes__approved_at_item__meeting")
        .prefetch_related(
            "bodies",
            Prefetch("agenda_items", queryset=items.order_by("number")),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("person").order_by(
                    "status", "person__full_name"
                ),
            ),
            Prefetch(
                "minutes__comments",
                queryset=MinutesComment.objects.select_related("person"),
            ),
        )
        .get(pk=pk)
    )


def later_items_approving(meeting: Meeting) -> QuerySet[AgendaItem]:
    """Agenda items of later meetings that approve this meeting's minutes (at most one)."""
    return AgendaItem.objects.filter(approves_minutes_of=meeting).select_related("meeting")


def earlier_meetings_awaiting_approval(meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings of the same bodies, before this one, whose minutes no item approves yet."""
    return (
        Meeting.objects.filter(bodies__in=meeting.bodies.all(), starts_at__lt=meeting.starts_at)
        .filter(approved_by_item__isnull=True)
        .distinct()
        .order_by("-starts_at")
    )


def action_log(body: Body) -> QuerySet[Action]:
    """Every action agreed at the body's meetings: open ones first, by due date."""
    return (
        Action.objects.filter(agenda_item__meeting__bodies=body)
        .select_related("owner", "agenda_item", "agenda_item__meeting")
        .order_by(F("done_on").asc(nulls_first=True), "due", "pk")
        .distinct()
    )


# --- documents ------------------------------------------------------------------------------------


def documents() -> QuerySet[GovernanceDocument]:
    return GovernanceDocument.objects.select_related("body").prefetch_related(
        Prefetch("versions", queryset=DocumentVersion.objects.select_related("adopted_at"))
    )


def version_in_force(document: GovernanceDocument, on: date) -> DocumentVersion | None:
    """The latest version adopted on or before the date (uses prefetched versions)."""
    return next((v for v in document.versions.all() if v.in_force_on(on)), None)


def terms_of_reference(body: Body) -> QuerySet[GovernanceDocument]:
    return documents().filter(body=body)


def attendance_by_person(meeting: Meeting) -> dict[int, Attendance]:
    """The attendance recorded at a meeting, by person id (one query)."""
    return {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}


def meeting_people(meeting: Meeting) -> QuerySet[Person]:
    """Who may be recorded at a meeting or own its actions: members of its bodies on the day,
    anyone already recorded, and the network's staff (who attend as officers)."""
    on = meeting.starts_at.date()
    serving = Appointment.objects.filter(seat__body__meetings=meeting).current_on(on)
    return (
        Person.objects.filter(
            Q(pk__in=serving.values("person_id"))
            | Q(meeting_attendances__meeting=meeting)
            | Q(user__groups__name__in=[str(r) for r in STAFF_ROLES])
        )
        .distinct()
        .order_by("full_name")
    )


# --- what the network's documents read from governance ----------------------------------------


def bodies_with_seats() -> QuerySet[Body]:
    """Each body that has seats, with its seats in order (two queries)."""
    return (
        Body.objects.filter(seats__isnull=False)
        .distinct()
        .prefetch_related(Prefetch("seats", queryset=Seat.objects.order_by("order", "pk")))
        .order_by("order", "name")
    )


@dataclass
class NetworkLead:
    """Who governance records as the network's lead member or lead officer on a date: the
    person's name (as the public may see it), job title and organisation, and the seat of the
    executive body the answer is read from (`held_as`, on `body`)."""

    name: str
    organisation: str
    title: str
    held_as: str
    body: str


# The network's lead member is the Chair of its executive body; its lead officer is the
# officer lead of the Accountable Body (the organisation the executive's Accountable Body seat
# is reserved for).
EXECUTIVE_BODY = "eoc"


def network_lead_member(on: date) -> NetworkLead | None:
    chair = (
        Appointment.objects.current_on(on)
        .filter(seat__body__slug=EXECUTIVE_BODY, seat__office=Office.CHAIR)
        .select_related("person", "organisation", "seat", "seat__body")
        .order_by("start", "pk")
        .first()
    )
    if chair is None:
        return None
    return NetworkLead(
        name=chair.person.public_label,
        organisation=chair.organisation.name if chair.organisation else "",
        title="",
        held_as=chair.seat.name,
        body=chair.seat.body.name,
    )


def network_lead_officer(on: date) -> NetworkLead | None:
    seat = (
        Seat.objects.filter(body__slug=EXECUTIVE_BODY, reserved_for__isnull=False)
        .select_related("reserved_for", "body")
        .order_by("order", "pk")
        .first()
    )
    if seat is None or seat.reserved_for is None:
        return None
    role = (
        Role.objects.current_on(on)
        .filter(organisation=seat.reserved_for, kind=RoleKind.OFFICER_LEAD)
        .select_related("person")
        .order_by("start", "pk")
        .first()
    )
    if role is None:
        return None
    return NetworkLead(
        name=role.person.public_label,
        organisation=seat.reserved_for.name,
        title=role.title,
        held_as=seat.name,
        body=seat.body.name,
    )
