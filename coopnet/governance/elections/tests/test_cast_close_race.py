"""Ballots cast at the moment voting closes: each is either in the box before it is shuffled, or
refused because voting has closed. None slips in after the shuffle, where its place in the table
would date it (see services/ballot_box.py and docs/elections.md).

On PostgreSQL, closing takes every elector's row lock before it shuffles, and a ballot takes its
elector's lock before it reads whether voting is open; the threads below race a dozen voting
contacts against the close, on real connections. Afterwards every ballot and mark of the
election was written by one transaction, the close's (one transaction id), every receipt handed
out is in the box, and every refusal says that voting is not open.
"""

from __future__ import annotations

import pytest
from django.db import connection

from coopnet.governance.elections import services
from coopnet.governance.elections.errors import ElectionError
from coopnet.governance.elections.models import Ballot, Election, Nomination, VoteMark
from coopnet.members.tests.test_concurrency import race

from .helpers import election_in_voting

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]

VOTERS = 12


def transaction_ids(model) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmin::text FROM {connection.ops.quote_name(model._meta.db_table)}")
        return {row[0] for row in cursor.fetchall()}


def test_ballots_cast_while_voting_closes_are_shuffled_in_or_refused(network_admin, full_seat):
    election, voters = election_in_voting(network_admin, full_seat, VOTERS)
    contest = election.contests.get()
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()
    # A few ballots are in before the race, so the box is never empty when it is shuffled.
    for council, user in voters[:2]:
        services.ballot_cast(contest=contest, organisation=council, choices=[first.pk], by=user)
    racing = voters[2:]

    def work(i: int) -> object:
        if i == len(racing):
            return services.election_close_voting(election=election, by=network_admin)
        council, user = racing[i]
        return services.ballot_cast(
            contest=contest, organisation=council, choices=[first.pk], by=user
        )

    results = race(len(racing) + 1, work)

    closed = results[-1]
    assert isinstance(closed, Election), closed
    assert closed.state == Election.State.VOTING_CLOSED
    receipts = [r for r in results[:-1] if isinstance(r, str)]
    refused = [r for r in results[:-1] if isinstance(r, ElectionError)]
    assert len(receipts) + len(refused) == len(racing), results
    assert all("Voting is not open" in str(r) for r in refused)

    ballots = Ballot.objects.filter(contest=contest)
    assert ballots.count() == 2 + len(receipts)
    assert set(receipts) <= set(ballots.values_list("receipt", flat=True))
    assert VoteMark.objects.filter(contest=contest).count() == ballots.count()
    # Every ballot and mark in the tables was written by the close's shuffle: nothing was
    # inserted after it in a transaction of its own.
    assert len(transaction_ids(Ballot)) == 1
    assert len(transaction_ids(VoteMark)) == 1
    assert transaction_ids(Ballot) == transaction_ids(VoteMark)
