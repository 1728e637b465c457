"""Fixtures for governance: the EOC and the V&P Board with their seats as the seeds set them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.governance import services
from coopnet.governance.composition import ensure_bodies
from coopnet.governance.models import Appointment, Body, Constituency, Meeting, Seat
from coopnet.governance.tests.factories import SYSTEM
from coopnet.members.models import Organisation, OrganisationKind
from coopnet.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    category,
)

START = date(2020, 12, 1)


@pytest.fixture
def accountable_body(org_a) -> Organisation:
    return org_a


@pytest.fixture
def bodies(accountable_body) -> dict[str, Body]:
    ensure_bodies(accountable_body=accountable_body)
    return {b.slug: b for b in Body.objects.all()}


@pytest.fixture
def eoc(bodies) -> Body:
    return bodies["eoc"]


@pytest.fixture
def vp(bodies) -> Body:
    return bodies["vp-board"]


def seat(body: Body, *, constituency: str, office: str = "") -> Seat:
    return Seat.objects.get(body=body, constituency=constituency, office=office)


@pytest.fixture
def associate_org(db) -> Any:
    org = OrganisationFactory(kind=OrganisationKind.LOCAL_COUNCIL, name="Billingham Town Council")
    MembershipFactory(organisation=org, category=category("associate"), start=date(2019, 8, 1))
    return org


@pytest.fixture
def affiliate_org(db) -> Any:
    org = OrganisationFactory(name="Co-operative Futures")
    MembershipFactory(organisation=org, category=category("affiliate"), start=date(2019, 8, 1))
    return org


def _person() -> Any:
    return PersonFactory()


def appoint(s: Seat, org: Organisation | None = None, *, start: date = START, **kw) -> Appointment:
    from coopnet.governance.services import appointment_create

    return appointment_create(
        seat=s,
        person=kw.pop("person", None) or _person(),
        organisation=org,
        start=start,
        how=kw.pop("how", Appointment.How.ELECTED),
        by=SYSTEM,
        **kw,
    )


# --- meetings -------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "paper.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def eoc_member(eoc, org_a, board_member):
    """The board_member user's person holds a Full seat on the EOC."""
    person = PersonFactory(user=board_member, full_name=board_member.full_name)
    appoint(
        seat(eoc, constituency=Constituency.FULL), org_a, person=person, start=date(2020, 12, 1)
    )
    return person


def held_meeting(body, *, days_ago: int = 30, title: str = "EOC meeting") -> Meeting:
    return services.meeting_save(
        bodies=[body],
        title=title,
        kind=Meeting.Kind.ORDINARY,
        starts_at=ago(days_ago),
        online=True,
        location="",
        by=SYSTEM,
    )


def quorate(meeting: Meeting, *people: Any) -> Meeting:
    """Record `people` (who hold seats) as present and set each body's quorum to their number."""
    for person in people:
        services.attendance_record(meeting=meeting, person=person, status="present", by=SYSTEM)
    for body in meeting.bodies.all():
        body.quorum = len(people)
        body.save()
    return meeting


@pytest.fixture
def meeting_with_minutes(eoc, eoc_member):
    """A held EOC meeting with one item minuted, its member present, ready to circulate."""
    meeting = held_meeting(eoc)
    item = services.agenda_item_add(meeting=meeting, title="Budget", by=SYSTEM)
    services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    services.minutes_save(
        meeting=meeting, summary="", item_minutes={item.pk: "The budget was agreed."}, by=SYSTEM
    )
    return meeting
