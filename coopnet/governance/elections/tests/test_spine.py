"""Elections on the spine: acting for an organisation follows the period rule, a refusal is a
403 wherever it is raised, every write is in the audit trail (by a person or a named system
job), and the audit trail never links a ballot to the organisation or person who cast it."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coopnet.core.audit import AuditEntry, AuditSubject, audit_trail_for
from coopnet.core.guard import Refused
from coopnet.governance.elections import selectors, services
from coopnet.governance.elections.models import Ballot, Election, ElectionEvent, Nomination
from coopnet.governance.models import Appointment
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory

from .helpers import advance_to, make_election, nominate, person_with_role

pytestmark = pytest.mark.django_db
State = Election.State


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def nominating(network_admin, full_seat):
    return advance_to(make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin)


def _acting_user(org, *, start, end, kind=RoleKind.VOTING_CONTACT, manages=False):
    user = UserFactory()
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(
        person=person, organisation=org, kind=kind, manages_profile=manages, start=start, end=end
    )
    return user


ROLES = {
    "voting contact": {"kind": RoleKind.VOTING_CONTACT, "manages": False},
    "keeps the profile": {"kind": RoleKind.OFFICER_LEAD, "manages": True},
}


def _periods():
    today = timezone.localdate()
    return {
        "ended yesterday": (today - timedelta(days=400), today - timedelta(days=1)),
        "starts tomorrow": (today + timedelta(days=1), None),
    }


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("period", ["ended yesterday", "starts tomorrow"])
def test_a_role_not_current_today_does_not_act_for_the_organisation(
    nominating, org_a, candidate_a, role, period
):
    start, end = _periods()[period]
    user = _acting_user(org_a, start=start, end=end, **ROLES[role])
    today = timezone.localdate()
    assert not selectors.acting_organisations(user, today).exists()
    contest = nominating.contests.get()
    with pytest.raises(Refused):
        nominate(nominating, contest, candidate_a, org_a, by=user)
    with pytest.raises(Refused):
        services.delegation_set(
            election=nominating, organisation=org_a, person=candidate_a.person, by=user
        )
    client = client_for(user)
    assert client.get(reverse("elections:nominate", args=[nominating.slug])).status_code == 403
    assert client.get(reverse("elections:delegate", args=[nominating.slug])).status_code == 403
    assert not Nomination.objects.exists()


@pytest.mark.parametrize("role", list(ROLES))
def test_a_role_ending_today_still_acts_for_the_organisation(nominating, org_a, candidate_a, role):
    today = timezone.localdate()
    user = _acting_user(org_a, start=today - timedelta(days=400), end=today, **ROLES[role])
    assert list(selectors.acting_organisations(user, today)) == [org_a]
    nomination = nominate(nominating, nominating.contests.get(), candidate_a, org_a, by=user)
    assert nomination.nominated_by == user
    assert (
        client_for(user).get(reverse("elections:nominate", args=[nominating.slug])).status_code
        == 200
    )


def test_can_i_vote_does_not_count_an_ended_voting_contact(network_admin, full_seat, org_a):
    today = timezone.localdate()
    user = _acting_user(org_a, start=today - timedelta(days=400), end=today - timedelta(days=1))
    election = make_election(network_admin, [full_seat])
    answer = selectors.voting_rights(user, election)
    assert answer.rights == []


def test_a_refusal_raised_in_a_service_answers_403_from_a_view_that_does_not_catch_it(
    nominating, voter_a, org_a, candidate_a
):
    # The nominator may see the nomination page, but only the nominee may answer: the service
    # refuses, and the view (which no longer catches anything) answers 403, not 500.
    nomination = nominate(nominating, nominating.contests.get(), candidate_a, org_a, by=voter_a)
    url = reverse("elections:nomination_accept", args=[nominating.slug, nomination.pk])
    client = client_for(voter_a)
    assert (
        client.get(
            reverse("elections:nomination", args=[nominating.slug, nomination.pk])
        ).status_code
        == 200
    )
    assert client.post(url).status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.AWAITING


def test_the_scheduler_acts_as_the_system_and_is_named_in_the_audit_trail(
    nominating, network_admin, voter_a, org_a, candidate_a
):
    nomination = nominate(nominating, nominating.contests.get(), candidate_a, org_a, by=voter_a)
    services.nomination_accept(nomination=nomination, by=candidate_a)
    Election.objects.filter(pk=nominating.pk).update(
        nominations_close=timezone.now() - timedelta(minutes=1)
    )
    out = StringIO()
    call_command("advance_elections", stdout=out)
    assert f"{nominating.slug}: {State.NOMINATIONS_CLOSED}" in out.getvalue()
    nominating.refresh_from_db()
    assert nominating.state == State.NOMINATIONS_CLOSED
    # One candidate for two places: appointed unopposed, by the system job.
    appointment = Appointment.objects.get(person=candidate_a.person)
    (entry,) = audit_trail_for(appointment).filter(action="appointment.created")
    assert entry.system_job == "advance_elections"
    assert entry.user is None
    assert "advance_elections" in entry.actor_label
    closed = audit_trail_for(nominating).get(action="election.nominations_closed")
    assert closed.system_job == "advance_elections"
    event = ElectionEvent.objects.get(election=nominating, action="nominations_closed")
    assert event.by is None  # shown as "The system" on the election's timeline
    assert appointment.history.get().history_user is None


def test_staff_moves_are_in_the_audit_trail_and_the_field_history_by_name(
    nominating, network_admin
):
    entry = audit_trail_for(nominating).get(action="election.nominations_opened")
    assert entry.user == network_admin
    assert entry.system_job == ""
    assert nominating.history.first().history_user == network_admin


def test_a_ballot_is_never_linked_to_who_cast_it_in_the_audit_trail(
    nominating, network_admin, voter_a, voter_b, org_a, org_b, candidate_a, candidate_b
):
    contest = nominating.contests.get()
    for user, org, by in ((candidate_a, org_a, voter_a), (candidate_b, org_b, voter_b)):
        nominated = nominate(nominating, contest, user, org, by=by)
        services.nomination_accept(nomination=nominated, by=user)
    third = person_with_role(org_b)
    nominated = nominate(nominating, contest, third, org_b, by=voter_b)
    services.nomination_accept(nomination=nominated, by=third)
    election = advance_to(nominating, State.VOTING, network_admin)
    Election.objects.filter(pk=election.pk).update(
        voting_open=timezone.now() - timedelta(minutes=1)
    )
    contest.refresh_from_db()
    choice = Nomination.objects.get(contest=contest, person=candidate_b.person).pk
    receipt = services.ballot_cast(
        contest=contest, organisation=org_a, choices=[choice], by=voter_a
    )

    (voted,) = AuditEntry.objects.filter(action="election.voted")
    assert voted.user == voter_a  # who voted for the organisation is known ...
    labels = {s.label for s in voted.subjects.all()}
    assert str(org_a) in labels
    # ... but not which ballot: no entry names a ballot, its receipt or its choices.
    ballot_type = ContentType.objects.get_for_model(Ballot)
    assert not AuditSubject.objects.filter(content_type=ballot_type).exists()
    ballot = Ballot.objects.get(receipt=receipt)
    for entry in AuditEntry.objects.all():
        text = f"{entry.summary} {entry.reason} {entry.changes}"
        assert receipt not in text
        assert str(ballot.pk) not in text
        assert candidate_b.full_name not in text or entry.action != "election.voted"
    assert voted.changes == {}
