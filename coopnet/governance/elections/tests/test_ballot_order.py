"""Ballot secrecy against a copy of the database: once voting has closed, the order in which the
ballots are stored tells nothing about the order in which the organisations voted.

The copy is taken the way someone holding the database would take it: SQLite's online backup
into a new file, read by row id; PostgreSQL's rows in their physical order (`ctid`, the order
`pg_dump` writes them) with their transaction ids.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from coopnet.governance.elections import services
from coopnet.governance.elections.models import Ballot, Election, Nomination, VoteMark

from .helpers import advance_to, election_in_voting

pytestmark = pytest.mark.django_db(transaction=True)

VOTERS = 60


def stored_order(model, column: str, tmp_path: Path) -> list:
    """`column` of every row of `model`'s table, in the order a copy of the database holds them."""
    table = model._meta.db_table
    if connection.vendor == "sqlite":
        copy = tmp_path / f"copy-{table}.sqlite3"
        target = sqlite3.connect(copy)
        connection.ensure_connection()
        connection.connection.backup(target)
        rows = target.execute(f'SELECT "{column}" FROM "{table}" ORDER BY rowid').fetchall()
        target.close()
        copy.unlink()
        return [row[0] for row in rows]
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "{column}" FROM "{table}" ORDER BY ctid')
        return [row[0] for row in cursor.fetchall()]


def rank_correlation(cast: list, stored: list) -> float:
    """Spearman's rho between the order of casting and the stored order (1.0: the same order)."""
    position = {value: i for i, value in enumerate(stored)}
    n = len(cast)
    d2 = sum((i - position[value]) ** 2 for i, value in enumerate(cast))
    return 1 - 6 * d2 / (n * (n * n - 1))


@pytest.fixture
def voting_election(network_admin, full_seat):
    """An election with one contested seat and VOTERS Full members, each with a voting contact."""
    return election_in_voting(network_admin, full_seat, VOTERS)


def test_after_close_the_stored_order_of_ballots_says_nothing_of_who_voted_when(
    voting_election, network_admin, tmp_path
):
    election, voters = voting_election
    contest = election.contests.get()
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()
    receipts = []  # in the order the organisations voted, as the audit trail records it
    marks = []
    for council, user in voters:
        receipts.append(
            services.ballot_cast(contest=contest, organisation=council, choices=[first.pk], by=user)
        )
        marks.append(VoteMark.objects.get(contest=contest, elector__organisation=council).pk.hex)

    # While voting is open, the copy holds the ballots in the order they were cast: the threat.
    assert rank_correlation(receipts, stored_order(Ballot, "receipt", tmp_path)) == 1.0

    advance_to(election, Election.State.VOTING_CLOSED, network_admin)

    stored = stored_order(Ballot, "receipt", tmp_path)
    assert sorted(stored) == sorted(receipts)  # every ballot is still there, with its receipt
    # Sixty ballots in random order: |rho| above 0.7 has a chance below one in ten million.
    assert abs(rank_correlation(receipts, stored)) < 0.7
    stored_marks = [str(v).replace("-", "") for v in stored_order(VoteMark, "id", tmp_path)]
    assert sorted(stored_marks) == sorted(marks)
    assert abs(rank_correlation(marks, stored_marks)) < 0.7
    # Each receipt still checks, and the count sees every ballot.
    assert Ballot.objects.filter(contest=contest, receipt__in=receipts).count() == VOTERS


@pytest.mark.postgres_only
def test_after_close_postgresql_keeps_no_transaction_order_and_no_dead_copies(
    voting_election, network_admin
):
    election, voters = voting_election
    contest = election.contests.get()
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()
    for council, user in voters[:10]:
        services.ballot_cast(contest=contest, organisation=council, choices=[first.pk], by=user)

    def column(sql: str) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql % connection.ops.quote_name(Ballot._meta.db_table))
            return [row[0] for row in cursor.fetchall()]

    # Each ballot was its own transaction: its transaction id dates it.
    assert len(set(column("SELECT xmin::text FROM %s"))) == 10
    files_before = column("SELECT pg_relation_filenode('%s')")

    advance_to(election, Election.State.VOTING_CLOSED, network_admin)

    assert len(set(column("SELECT xmin::text FROM %s"))) == 1
    # VACUUM FULL rewrote the table into new files (the old ones, with the rows deleted by the
    # shuffle still in them, are gone): its pages hold the ten live ballots and nothing else.
    assert column("SELECT pg_relation_filenode('%s')") != files_before
    assert Ballot.objects.filter(contest=contest).count() == 10
