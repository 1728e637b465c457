"""Two staff recording the same organisation's membership at the same moment get one membership.

On PostgreSQL the service locks the organisation's row (SELECT ... FOR UPDATE), so the second
writer waits, then sees the first membership and is refused. On SQLite, transactions begin
IMMEDIATE, so writers queue for the database's write lock with the same result.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections

from coopnet.members import services
from coopnet.members.errors import MembersError
from coopnet.members.models import Membership
from coopnet.members.tests.factories import CouncilFactory, category

pytestmark = pytest.mark.django_db(transaction=True)


def race(n: int, work) -> list[object]:
    barrier = threading.Barrier(n)
    results: list[object] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.postgres_only
def test_two_admins_starting_the_same_membership_at_once_make_one(network_admin):
    council = CouncilFactory(la_code="OLD")
    full = category("full")

    def start(i: int) -> Membership:
        return services.membership_start(
            holder=council, category=full, start=date(2022, 8, 1 + i), by=network_admin
        )

    results = race(2, start)
    assert Membership.objects.filter(organisation=council).count() == 1
    assert sum(isinstance(r, Membership) for r in results) == 1
    refused = [r for r in results if isinstance(r, MembersError)]
    assert len(refused) == 1
    assert "overlaps" in str(refused[0])


@pytest.mark.sqlite_only
def test_sqlite_writers_queue_for_the_write_lock():
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
