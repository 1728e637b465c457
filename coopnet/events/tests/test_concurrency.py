"""Two people taking the last place at the same moment: one place and one wait-list entry.

On PostgreSQL the booking locks the event's row (SELECT ... FOR UPDATE), so the second booking
waits, then counts the first place and goes on the wait list. On SQLite writers queue for the
database's write lock with the same result."""

from __future__ import annotations

import pytest

from coopnet.events.models import Registration
from coopnet.events.services import registration_book
from coopnet.members.tests.factories import UserFactory
from coopnet.members.tests.test_concurrency import race

from .factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.postgres_only
def test_two_people_taking_the_last_place_at_once_get_one_place_and_one_wait_list_entry():
    event = EventFactory(capacity=1)
    people = [UserFactory(), UserFactory()]

    def book(i: int) -> Registration:
        return registration_book(event=event, by=people[i])

    results = race(2, book)
    assert all(isinstance(r, Registration) for r in results), results
    statuses = sorted(r.status for r in results if isinstance(r, Registration))
    assert statuses == [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    assert event.registrations.filter(status=Registration.Status.CONFIRMED).count() == 1
    waiting = event.registrations.get(status=Registration.Status.WAITLISTED)
    assert waiting.position == 1


@pytest.mark.postgres_only
def test_one_person_clicking_twice_at_once_is_registered_once():
    event = EventFactory(capacity=5)
    person = UserFactory()

    results = race(2, lambda i: registration_book(event=event, by=person))
    assert sum(isinstance(r, Registration) for r in results) == 1
    assert event.registrations.count() == 1
