"""Two people voting for one organisation at the same moment get one ballot and one refusal.

On PostgreSQL the service locks the organisation's elector row (SELECT ... FOR UPDATE), so the
second voter waits, then finds the first ballot's mark and is refused; the unique mark
(elector, contest) would refuse it even without the lock. On SQLite, writers queue for the
database's write lock (see coopnet/members/tests/test_concurrency.py).
"""

from __future__ import annotations

import pytest

from coopnet.governance.elections import services
from coopnet.governance.elections.errors import ElectionError
from coopnet.governance.elections.models import Ballot, Election, Nomination, VoteMark
from coopnet.members.models import RoleKind
from coopnet.members.tests.test_concurrency import race

from .helpers import advance_to, make_election, nominate, person_with_role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.postgres_only
def test_two_voting_contacts_of_one_organisation_voting_at_once_cast_one_ballot(
    network_admin, full_seat, org_a, org_b, voter_a, voter_b, candidate_a, candidate_b
):
    second_contact = person_with_role(org_a, RoleKind.VOTING_CONTACT)
    election = advance_to(
        make_election(network_admin, [full_seat]), Election.State.NOMINATIONS, network_admin
    )
    contest = election.contests.get()
    for user, org, by in (
        (candidate_a, org_a, voter_a),
        (candidate_b, org_b, voter_b),
        (voter_b, org_b, voter_b),
    ):
        services.nomination_accept(
            nomination=nominate(election, contest, user, org, by=by), by=user
        )
    advance_to(election, Election.State.VOTING, network_admin)
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()

    def vote(i: int) -> str:
        return services.ballot_cast(
            contest=contest,
            organisation=org_a,
            choices=[first.pk],
            by=(voter_a, second_contact)[i],
        )

    results = race(2, vote)
    assert Ballot.objects.filter(contest=contest).count() == 1
    assert VoteMark.objects.filter(contest=contest).count() == 1
    assert sum(isinstance(r, str) for r in results) == 1
    refused = [r for r in results if isinstance(r, ElectionError)]
    assert len(refused) == 1
    assert "already voted" in str(refused[0])
