"""Two staff filling the last place of a seat at the same moment: one appointment, one refusal.

On PostgreSQL the service locks the seat's row (SELECT ... FOR UPDATE), so the second writer
waits, then counts the first appointment and is refused. On SQLite writers queue for the write
lock with the same result."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.governance.composition import ensure_bodies
from coopnet.governance.errors import GovernanceError
from coopnet.governance.models import Appointment, Seat
from coopnet.governance.services import appointment_create
from coopnet.members.tests.factories import PersonFactory
from coopnet.members.tests.test_concurrency import race

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.postgres_only
def test_two_admins_filling_a_one_place_seat_at_once_make_one_appointment(org_a, network_admin):
    ensure_bodies(accountable_body=org_a)
    seat = Seat.objects.get(body__slug="eoc", constituency="full", office="chair")
    people = [PersonFactory(), PersonFactory()]

    def appoint(i: int) -> Appointment:
        return appointment_create(
            seat=seat,
            person=people[i],
            organisation=org_a,
            start=date(2021, 1, 1),
            how="elected",
            by=network_admin,
        )

    results = race(2, appoint)
    assert seat.appointments.count() == 1
    refused = [r for r in results if isinstance(r, GovernanceError)]
    assert len(refused) == 1
    assert "is full" in str(refused[0])
