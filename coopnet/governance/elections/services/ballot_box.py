"""The ballot box is shuffled when voting closes, so that a copy of the database cannot link a
ballot to its elector.

While voting is open, ballots and marks are stored in the order they were cast: a table's row
order (SQLite's rowid, PostgreSQL's physical order and transaction ids) follows insertion, and the
audit trail says in which order the organisations voted. Matching the two would reveal each
organisation's choices. At close, in the same transaction that closes voting, every ballot and
mark of the election is deleted and written again in an order drawn from the operating system's
random source, all in one transaction (PostgreSQL: one transaction id for all of them).

The deleted rows' bytes are then cleared: SQLite overwrites deleted content (`secure_delete`) and
its write-ahead log is checkpointed and truncated after commit; PostgreSQL rewrites both tables
(`VACUUM FULL`) after commit, so dead copies in the old order do not stay in the table's files.
docs/elections.md states what this protects against and what it does not.
"""

from __future__ import annotations

import logging
import secrets

from django.db import connection, transaction

from ..models import Ballot, Election, VoteMark

logger = logging.getLogger(__name__)


def shuffle_ballot_box(election: Election) -> int:
    """Rewrite the election's ballots and marks in random order; return how many ballots.

    Call inside the transaction that closes voting, with the election and its electors locked.
    """
    ballots = list(Ballot.objects.filter(contest__election=election).values())
    marks = list(VoteMark.objects.filter(contest__election=election).values())
    rng = secrets.SystemRandom()
    rng.shuffle(ballots)
    rng.shuffle(marks)
    with _deleted_content_overwritten():
        Ballot.objects.filter(contest__election=election).delete()
        VoteMark.objects.filter(contest__election=election).delete()
    Ballot.objects.bulk_create(Ballot(**row) for row in ballots)
    VoteMark.objects.bulk_create(VoteMark(**row) for row in marks)
    transaction.on_commit(clear_deleted_rows)
    return len(ballots)


class _deleted_content_overwritten:
    """SQLite: zero the bytes of rows deleted inside the block (PRAGMA secure_delete)."""

    def __enter__(self) -> None:
        self.previous: int | None = None
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                self.previous = cursor.execute("PRAGMA secure_delete").fetchone()[0]
                cursor.execute("PRAGMA secure_delete = ON")

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA secure_delete = {int(self.previous)}")


def clear_deleted_rows() -> None:
    """After commit: leave no copy of the old order in the database's files."""
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in (Ballot, VoteMark))
    if connection.in_atomic_block:
        # Still inside a transaction (callbacks run early, as in tests): VACUUM cannot run
        # there, and a failed statement would spoil the transaction for what follows.
        logger.info("Freed ballot space left for autovacuum: still inside a transaction")
        return
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"VACUUM FULL {tables}")
            elif connection.vendor == "sqlite":
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:
        # The shuffle has committed and the ballots are in random order; what is left is the
        # old order in freed space until the database reuses it. Say so; do not fail the close.
        logger.exception("The ballot box was shuffled but its freed space was not cleared")
