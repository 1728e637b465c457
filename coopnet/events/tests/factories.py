"""Factories for events tests."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from coopnet.events.models import Event, Registration


class EventFactory(factory.django.DjangoModelFactory[Event]):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.WEBINAR
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    attendance = Event.Attendance.ONLINE
    joining_link = "https://meet.example.org/secret-room"
    status = Event.Status.PUBLISHED
    registration_open = True
    capacity = None

    @factory.post_generation
    def principles(obj: Event, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            obj.principles.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory[Registration]):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    status = Registration.Status.CONFIRMED
