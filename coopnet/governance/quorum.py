"""Who counts at a meeting: the quorum of each body, and who is sent the draft minutes.

Kept apart from `selectors` (which asks the elections app) so that services and tasks can use it
without an import cycle; `selectors` re-exports these names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from coopnet.members.models import Person

from .models import Appointment, Attendance, Body, Meeting


@dataclass
class Quorum:
    body: Body
    required: int
    present: int

    @property
    def quorate(self) -> bool:
        return self.present >= self.required


def quorum_rule(body: Body) -> int:
    """The body's quorum: its own figure, or a third of its places rounded up."""
    if body.quorum is not None:
        return body.quorum
    return max(1, math.ceil(sum(s.places for s in body.seats.all()) / 3))


def quorum_check(meeting: Meeting) -> list[Quorum]:
    """For each body meeting: members present (those holding a seat on it on the day, not merely
    in attendance) against its quorum. A joint meeting must be quorate for each body."""
    on = meeting.starts_at.date()
    present = {
        a.person_id
        for a in meeting.attendances.all()
        if a.status == Attendance.Status.PRESENT and not a.in_attendance
    }
    bodies_ = list(Body.objects.filter(meetings=meeting).prefetch_related("seats"))
    serving = Appointment.objects.filter(seat__body__in=bodies_, person_id__in=present).current_on(
        on
    )
    members: dict[int, set[int]] = {}
    for body_id, person_id in serving.values_list("seat__body_id", "person_id"):
        members.setdefault(body_id, set()).add(person_id)
    return [Quorum(b, quorum_rule(b), len(members.get(b.pk, set()))) for b in bodies_]


def minutes_recipients(meeting: Meeting) -> list[Person]:
    """Who is sent the draft minutes: everyone recorded as present who has an email address."""
    return [
        a.person
        for a in meeting.attendances.select_related("person")
        .filter(status=Attendance.Status.PRESENT)
        .order_by("person__full_name")
        if a.person.email
    ]
