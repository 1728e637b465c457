"""Factories for governance tests: bodies, seats, appointments, meetings and elections.

They build rows directly (for the state a test starts from); a test of a rule calls the service.
`SYSTEM` is the actor for set-up done through services: the system, named, never `by=None`.
"""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.governance.elections.models import Contest, Election, Method
from coopnet.governance.models import (
    AgendaItem,
    Appointment,
    Body,
    Constituency,
    Meeting,
    Minutes,
    Seat,
)
from coopnet.members.tests.factories import OrganisationFactory, PersonFactory

SYSTEM = System("tests")


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"body-{n}")
    name = factory.Sequence(lambda n: f"Body {n}")
    short_name = factory.LazyAttribute(lambda o: o.name[:40])


class SeatFactory(factory.django.DjangoModelFactory[Seat]):
    class Meta:
        model = Seat

    body = factory.SubFactory(BodyFactory)
    name = factory.LazyAttribute(lambda o: f"{Constituency(o.constituency).label} representatives")
    constituency = Constituency.FULL
    places = 2
    order = factory.Sequence(lambda n: n)


class AppointmentFactory(factory.django.DjangoModelFactory[Appointment]):
    """An appointment as a row (no composition rules checked: use the service to test those)."""

    class Meta:
        model = Appointment

    seat = factory.SubFactory(SeatFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    start = date(2020, 12, 1)
    end = None
    how = Appointment.How.ELECTED


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    """A meeting of `bodies` (default: one new body), with its minutes in draft."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Meeting {n}")
    kind = Meeting.Kind.ORDINARY
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    online = True
    location = ""

    @factory.post_generation
    def bodies(obj: Meeting, create: bool, extracted: list[Body] | None, **kwargs: object) -> None:
        if not create:
            return
        bodies = extracted if extracted is not None else [BodyFactory.create()]
        obj.bodies.set(bodies)
        Minutes.objects.get_or_create(meeting=obj)


class AgendaItemFactory(factory.django.DjangoModelFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


class ElectionFactory(factory.django.DjangoModelFactory[Election]):
    """An election of `body` with its timetable around now: nominations open, voting to come.

    Pass `seats=[...]` to create its contests (one per seat)."""

    class Meta:
        model = Election
        skip_postgeneration_save = True

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Elections {n}")
    slug = factory.Sequence(lambda n: f"elections-{n}")
    method = Method.FPTP
    state = Election.State.DRAFT
    term_start = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    term_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=760))
    nominations_open = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    nominations_close = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=1))
    voting_open = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2))
    voting_close = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=3))

    @factory.post_generation
    def seats(obj: Election, create: bool, extracted: list[Seat] | None, **kwargs: object) -> None:
        if create and extracted:
            for seat in extracted:
                Contest.objects.create(election=obj, seat=seat, places=seat.places)


class ContestFactory(factory.django.DjangoModelFactory[Contest]):
    class Meta:
        model = Contest

    election = factory.SubFactory(ElectionFactory)
    seat = factory.SubFactory(SeatFactory, body=factory.SelfAttribute("..election.body"))
    places = factory.LazyAttribute(lambda o: o.seat.places)
