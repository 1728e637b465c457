"""Moving an election on is irreversible: each stage asks for confirmation on a page of its own,
warns before voting opens when some electors have no voting contact, and asks once more before
publishing a result on a very low turnout."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.governance.elections import services
from coopnet.governance.elections.models import Election

from .helpers import advance_to, make_election
from .test_views import client_for, contested

pytestmark = pytest.mark.django_db
State = Election.State


def _state(election: Election) -> str:
    return Election.objects.get(pk=election.pk).state


def test_moving_on_asks_first_and_a_post_without_confirmation_does_nothing(
    network_admin, full_seat
):
    election = make_election(network_admin, [full_seat])
    url = reverse("elections:advance", args=[election.slug])
    client = client_for(network_admin)
    page = client.get(url)
    assert page.status_code == 200
    assert "Open nominations" in page.text
    assert 'name="confirm"' in page.text
    assert reverse("elections:manage", args=[election.slug]) in page.text  # Cancel
    assert client.post(url, {"state": "draft"}).status_code == 200  # the page again
    assert _state(election) == State.DRAFT
    client.post(url, {"state": "draft", "confirm": "yes"})
    assert _state(election) == State.NOMINATIONS


def test_the_manage_page_links_to_the_confirmation_instead_of_posting(network_admin, full_seat):
    election = make_election(network_admin, [full_seat])
    page = client_for(network_admin).get(reverse("elections:manage", args=[election.slug])).text
    assert f'href="{reverse("elections:advance", args=[election.slug])}"' in page
    assert _state(election) == State.DRAFT


def test_staff_are_warned_before_voting_opens_when_an_elector_has_no_voting_contact(
    network_admin, full_seat, candidate_a, org_a, org_b
):
    election = contested(network_admin, full_seat, [(candidate_a, org_a)], state=State.NOMINATIONS)
    election = advance_to(election, State.NOMINATIONS_CLOSED, network_admin)
    client = client_for(network_admin)
    electorate = client.get(reverse("elections:electorate", args=[election.slug])).text
    assert "1 organisation entitled to vote has no voting contact" in electorate
    assert reverse("members:contacts", args=[org_b.slug]) in electorate
    page = client.get(reverse("elections:advance", args=[election.slug])).text
    assert "has no voting contact and cannot vote" in page
    assert org_b.name in page
    assert org_a.name not in page.split("cannot vote")[1].split("</strong>")[0]


def test_no_warning_when_every_elector_has_a_voting_contact(
    network_admin, full_seat, candidate_a, org_a, voter_b
):
    election = contested(network_admin, full_seat, [(candidate_a, org_a)], state=State.NOMINATIONS)
    election = advance_to(election, State.NOMINATIONS_CLOSED, network_admin)
    client = client_for(network_admin)
    electorate = client.get(reverse("elections:electorate", args=[election.slug])).text
    assert "Every organisation entitled to vote has a voting contact." in electorate
    page = client.get(reverse("elections:advance", args=[election.slug])).text
    assert "no voting contact" not in page


def test_publishing_a_result_on_a_very_low_turnout_asks_once_more(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    pairs = [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    election = contested(network_admin, full_seat, pairs, state=State.COUNTED)
    url = reverse("elections:advance", args=[election.slug])
    client = client_for(network_admin)
    page = client.get(url).text
    assert "Very low turnout" in page
    assert "0 of 2 organisations voted" in page
    refused = client.post(url, {"state": "counted", "confirm": "yes"})
    assert refused.status_code == 200
    assert "Tick the box to confirm you have read the warning." in refused.text
    assert _state(election) == State.COUNTED
    client.post(url, {"state": "counted", "confirm": "yes", "acknowledge": "on"})
    assert _state(election) == State.PUBLISHED


def test_a_good_turnout_publishes_without_the_extra_box(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    pairs = [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    election = contested(network_admin, full_seat, pairs, state=State.VOTING)
    contest = election.contests.get()
    first = contest.nominations.order_by("pk").first()
    # One of the two organisations votes: half the electorate, not a very low turnout.
    services.ballot_cast(contest=contest, organisation=org_b, choices=[first.pk], by=voter_b)
    election = advance_to(election, State.COUNTED, network_admin)
    url = reverse("elections:advance", args=[election.slug])
    client = client_for(network_admin)
    assert "Very low turnout" not in client.get(url).text
    client.post(url, {"state": "counted", "confirm": "yes"})
    assert _state(election) == State.PUBLISHED
