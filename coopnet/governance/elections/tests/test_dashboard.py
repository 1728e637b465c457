"""A voting contact's dashboard lists the ballots they may still cast."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("site:dashboard"))
    assert response.status_code == 200
    return response.text


def test_a_voting_contact_sees_the_ballots_to_cast(
    client, network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    from coopnet.governance.elections import services
    from coopnet.governance.elections.tests.test_views import contested

    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    contest = election.contests.get()
    page = _dashboard(client, voter_b)
    assert "Ballots to cast" in page
    assert reverse("elections:ballot", args=[election.slug, contest.pk]) in page
    first = contest.nominations.order_by("pk").first()
    services.ballot_cast(contest=contest, organisation=org_b, choices=[first.pk], by=voter_b)
    assert "Ballots to cast" not in _dashboard(client, voter_b)
