"""The election services: each stage, each refusal, the audit log and the notices."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.governance.elections import services
from coopnet.governance.elections.errors import ElectionError
from coopnet.governance.elections.models import (
    Ballot,
    Election,
    ElectionEvent,
    Elector,
    Method,
    Nomination,
    VoteMark,
)
from coopnet.governance.models import Appointment, Constituency
from coopnet.members.models import Membership, RoleKind
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

from .helpers import (
    advance_to,
    details,
    make_body,
    make_election,
    make_seat,
    nominate,
    person_with_role,
)

pytestmark = pytest.mark.django_db
State = Election.State


# --- setting up -----------------------------------------------------------------------------------


def test_staff_set_up_an_election_with_its_seats_and_the_log_says_who(network_admin, full_seat):
    election = make_election(network_admin, [full_seat])
    assert election.state == State.DRAFT
    assert election.body == full_seat.body
    (contest,) = election.contests.all()
    assert contest.places == full_seat.places
    (event,) = ElectionEvent.objects.filter(election=election)
    assert event.action == "created"
    assert event.by == network_admin
    assert event.at is not None


def test_only_network_admins_set_up_elections(officer_a, full_seat):
    with pytest.raises(Refused):
        make_election(officer_a, [full_seat])


def test_seats_of_two_bodies_are_refused(network_admin, full_seat):
    other = make_seat(make_body("vp"))
    with pytest.raises(ElectionError, match="one body"):
        make_election(network_admin, [full_seat, other])


def test_appointed_seats_are_not_elected(network_admin, body):
    union = make_seat(body, Constituency.TRADE_UNION, places=1)
    with pytest.raises(ElectionError, match="appointment"):
        make_election(network_admin, [union])


def test_the_timetable_must_run_in_order(network_admin, full_seat):
    now = timezone.now()
    with pytest.raises(ElectionError, match="Voting must open after nominations close"):
        make_election(network_admin, [full_seat], voting_open=now)
    with pytest.raises(ElectionError, match="term must start after voting closes"):
        make_election(network_admin, [full_seat], term_start=timezone.localdate())


def test_a_running_election_cannot_be_changed(network_admin, full_seat):
    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    with pytest.raises(ElectionError, match="being set up"):
        services.election_update(
            election=election, seats=[full_seat], details=details(), by=network_admin
        )


def test_pressing_the_same_button_twice_does_not_skip_a_stage(network_admin, full_seat):
    election = make_election(network_admin, [full_seat])
    services.election_advance(election=election, expected_state=State.DRAFT, by=network_admin)
    with pytest.raises(ElectionError, match="already moved on"):
        services.election_advance(
            election=Election.objects.get(pk=election.pk),
            expected_state=State.DRAFT,
            by=network_admin,
        )
    assert Election.objects.get(pk=election.pk).state == State.NOMINATIONS


def test_non_staff_cannot_move_an_election_on(network_admin, officer_a, full_seat):
    election = make_election(network_admin, [full_seat])
    with pytest.raises(Refused):
        services.election_advance(election=election, expected_state=State.DRAFT, by=officer_a)


# --- nominations ----------------------------------------------------------------------------------


@pytest.fixture
def nominating(network_admin, full_seat):
    return advance_to(make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin)


def test_self_nomination_then_acceptance(
    nominating, voter_a, org_a, django_capture_on_commit_callbacks
):
    contest = nominating.contests.get()
    with django_capture_on_commit_callbacks(execute=True):
        nomination = nominate(nominating, contest, voter_a, org_a, by=voter_a)
    assert nomination.status == Nomination.Status.AWAITING
    assert mail.outbox[-1].to == [voter_a.person.email]  # asked to accept
    services.nomination_accept(nomination=nomination, by=voter_a)
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.ACCEPTED
    assert nomination.responded_at


def test_an_organisation_nominates_someone_from_another_member(
    nominating, voter_a, org_a, candidate_b, org_b
):
    contest = nominating.contests.get()
    nomination = services.nomination_create(
        contest=contest,
        person=candidate_b.person,
        organisation=org_b,
        nominating_organisation=org_a,
        statement="A strong voice.",
        by=voter_a,
    )
    assert nomination.nominated_by_organisation == org_a


def test_a_nominee_from_an_organisation_outside_the_constituency_is_refused(
    nominating, voter_a, org_a
):
    affiliate = OrganisationFactory(name="Co-op Affiliate")
    MembershipFactory(organisation=affiliate, category=category("affiliate"))
    outsider = person_with_role(affiliate)
    with pytest.raises(ElectionError, match="Co-op Affiliate is not one of the Full members"):
        services.nomination_create(
            contest=nominating.contests.get(),
            person=outsider.person,
            organisation=affiliate,
            nominating_organisation=org_a,
            statement="Please.",
            by=voter_a,
        )


def test_a_nominee_without_a_role_at_the_organisation_is_refused(
    nominating, voter_a, org_a, candidate_b
):
    with pytest.raises(ElectionError, match="does not hold a role"):
        services.nomination_create(
            contest=nominating.contests.get(),
            person=candidate_b.person,
            organisation=org_a,
            nominating_organisation=org_a,
            statement="Please.",
            by=voter_a,
        )


def test_a_former_member_cannot_nominate(nominating, voter_a, org_a):
    Membership.objects.filter(organisation=org_a).update(
        end=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ElectionError, match="Only one of the Full members may nominate"):
        nominate(nominating, nominating.contests.get(), voter_a, org_a, by=voter_a)


def test_only_someone_acting_for_the_organisation_nominates(
    nominating, org_a, candidate_a, supporter
):
    with pytest.raises(Refused):
        nominate(nominating, nominating.contests.get(), candidate_a, org_a, by=candidate_a)


def test_nominations_outside_their_window_are_refused(network_admin, full_seat, voter_a, org_a):
    election = make_election(network_admin, [full_seat])
    with pytest.raises(ElectionError, match="Being set up"):
        nominate(election, election.contests.get(), voter_a, org_a, by=voter_a)
    advance_to(election, State.NOMINATIONS_CLOSED, network_admin)
    with pytest.raises(ElectionError, match="Nominations closed"):
        nominate(election, election.contests.get(), voter_a, org_a, by=voter_a)


def test_the_same_person_cannot_be_nominated_twice(nominating, voter_a, org_a):
    contest = nominating.contests.get()
    nominate(nominating, contest, voter_a, org_a, by=voter_a)
    with pytest.raises(ElectionError, match="already been nominated"):
        nominate(nominating, contest, voter_a, org_a, by=voter_a)


def test_only_the_nominee_accepts(nominating, voter_a, org_a, candidate_a, network_admin):
    nomination = nominate(nominating, nominating.contests.get(), candidate_a, org_a, by=voter_a)
    for someone in (voter_a, network_admin):
        with pytest.raises(Refused):
            services.nomination_accept(nomination=nomination, by=someone)
    services.nomination_decline(nomination=nomination, by=candidate_a)
    with pytest.raises(ElectionError, match="not waiting"):
        services.nomination_accept(nomination=nomination, by=candidate_a)


def test_close_of_nominations_lapses_unanswered_and_elects_uncontested_seats(
    nominating, network_admin, voter_a, org_a, candidate_a
):
    contest = nominating.contests.get()  # two places
    accepted = nominate(nominating, contest, voter_a, org_a, by=voter_a)
    services.nomination_accept(nomination=accepted, by=voter_a)
    unanswered = nominate(nominating, contest, candidate_a, org_a, by=voter_a)
    election = advance_to(nominating, State.NOMINATIONS_CLOSED, network_admin)
    unanswered.refresh_from_db()
    accepted.refresh_from_db()
    assert unanswered.status == Nomination.Status.LAPSED
    assert accepted.outcome == Nomination.Outcome.UNOPPOSED
    contest.refresh_from_db()
    assert contest.uncontested
    appointment = Appointment.objects.get(person=voter_a.person)
    assert appointment.seat == contest.seat
    assert appointment.start == election.term_start
    assert appointment.end == election.term_end
    assert appointment.how == Appointment.How.ELECTED


# --- voting ---------------------------------------------------------------------------------------


@pytest.fixture
def voting(nominating, network_admin, voter_a, voter_b, org_a, org_b, candidate_a, candidate_b):
    """Two places, three candidates: a contested count."""
    contest = nominating.contests.get()
    for user, org in ((candidate_a, org_a), (candidate_b, org_b), (voter_b, org_b)):
        nomination = nominate(
            nominating, contest, user, org, by=voter_a if org == org_a else voter_b
        )
        services.nomination_accept(nomination=nomination, by=user)
    return advance_to(nominating, State.VOTING, network_admin)


def candidates(election):
    return list(
        Nomination.objects.filter(contest__election=election, status="accepted").order_by("pk")
    )


def test_opening_voting_fixes_the_electorate_from_the_registry(voting, org_a, org_b, voter_a):
    electors = Elector.objects.filter(election=voting)
    assert {e.organisation for e in electors} == {org_a, org_b}
    assert list(electors.get(organisation=org_a).contacts.all()) == [voter_a.person]
    assert voting.electorate_on == timezone.localdate()
    # A member joining now is not added: the electorate is fixed.
    late = OrganisationFactory()
    MembershipFactory(organisation=late, category=category("full"), start=timezone.localdate())
    assert Elector.objects.filter(election=voting).count() == 2


def test_a_voting_contact_casts_a_secret_ballot_and_gets_a_receipt(voting, voter_a, org_a):
    contest = voting.contests.get()
    first, second, _third = candidates(voting)
    receipt = services.ballot_cast(
        contest=contest, organisation=org_a, choices=[first.pk, second.pk], by=voter_a
    )
    ballot = Ballot.objects.get(receipt=receipt)
    assert ballot.choices == [first.pk, second.pk]
    assert VoteMark.objects.filter(contest=contest, elector__organisation=org_a).count() == 1
    # Nothing on the ballot points at a voter, an organisation or a time.
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert fields == {"id", "contest", "receipt", "choices"}
    assert {f.name for f in VoteMark._meta.get_fields()} == {"id", "elector", "contest"}


def test_a_second_ballot_for_the_same_organisation_is_refused(voting, voter_a, org_a, candidate_a):
    contest = voting.contests.get()
    first = candidates(voting)[0]
    services.ballot_cast(contest=contest, organisation=org_a, choices=[first.pk], by=voter_a)
    with pytest.raises(ElectionError, match="already voted"):
        services.ballot_cast(contest=contest, organisation=org_a, choices=[first.pk], by=voter_a)
    assert Ballot.objects.filter(contest=contest).count() == 1


def test_someone_who_is_not_the_voting_contact_cannot_vote(voting, candidate_a, org_a, voter_b):
    contest = voting.contests.get()
    first = candidates(voting)[0]
    with pytest.raises(Refused):
        services.ballot_cast(
            contest=contest, organisation=org_a, choices=[first.pk], by=candidate_a
        )
    with pytest.raises(Refused):
        services.ballot_cast(contest=contest, organisation=org_a, choices=[first.pk], by=voter_b)


def test_an_organisation_outside_the_electorate_cannot_vote(voting, supporter):
    outsider = OrganisationFactory()
    MembershipFactory(organisation=outsider, category=category("affiliate"))
    first = candidates(voting)[0]
    with pytest.raises(ElectionError, match="not in the electorate"):
        services.ballot_cast(
            contest=voting.contests.get(), organisation=outsider, choices=[first.pk], by=supporter
        )


def test_voting_outside_the_window_is_refused(voting, voter_a, org_a, network_admin):
    contest = voting.contests.get()
    first = candidates(voting)[0]
    Election.objects.filter(pk=voting.pk).update(voting_close=timezone.now() - timedelta(minutes=1))
    contest.refresh_from_db()
    with pytest.raises(ElectionError, match="Voting is not open"):
        services.ballot_cast(contest=contest, organisation=org_a, choices=[first.pk], by=voter_a)
    Election.objects.filter(pk=voting.pk).update(voting_close=timezone.now() + timedelta(hours=1))
    advance_to(Election.objects.get(pk=voting.pk), State.VOTING_CLOSED, network_admin)
    contest.refresh_from_db()
    with pytest.raises(ElectionError, match="Voting is not open"):
        services.ballot_cast(contest=contest, organisation=org_a, choices=[first.pk], by=voter_a)
    assert not Ballot.objects.exists()


def test_a_ballot_must_name_candidates_of_the_seat_within_the_places(voting, voter_a, org_a):
    contest = voting.contests.get()
    ids = [n.pk for n in candidates(voting)]
    for choices, message in (
        ([], "at least one"),
        (ids, "no more than 2"),
        ([ids[0], ids[0]], "different candidate"),
        ([999999], "different candidate"),
    ):
        with pytest.raises(ElectionError, match=message):
            services.ballot_cast(contest=contest, organisation=org_a, choices=choices, by=voter_a)


def test_a_delegate_votes_for_the_organisation(voting, voter_a, org_a, candidate_a):
    services.delegation_set(
        election=voting, organisation=org_a, person=candidate_a.person, by=voter_a
    )
    first = candidates(voting)[0]
    receipt = services.ballot_cast(
        contest=voting.contests.get(), organisation=org_a, choices=[first.pk], by=candidate_a
    )
    assert Ballot.objects.filter(receipt=receipt).exists()


def test_a_delegate_must_belong_to_the_organisation(voting, voter_a, org_a, candidate_b):
    with pytest.raises(ElectionError, match="does not hold a role"):
        services.delegation_set(
            election=voting, organisation=org_a, person=candidate_b.person, by=voter_a
        )


def test_only_the_organisation_names_its_delegate(voting, voter_b, org_a, candidate_a):
    with pytest.raises(Refused):
        services.delegation_set(
            election=voting, organisation=org_a, person=candidate_a.person, by=voter_b
        )


# --- count and publication ------------------------------------------------------------------------


def test_count_then_publish_appoints_the_elected_from_the_term_start(
    voting, network_admin, voter_a, voter_b, org_a, org_b, candidate_a, candidate_b
):
    contest = voting.contests.get()
    by_person = {n.person_id: n for n in candidates(voting)}
    a, b, c = (
        by_person[candidate_a.person.pk],
        by_person[candidate_b.person.pk],
        by_person[voter_b.person.pk],
    )
    services.ballot_cast(contest=contest, organisation=org_a, choices=[a.pk, b.pk], by=voter_a)
    services.ballot_cast(contest=contest, organisation=org_b, choices=[a.pk, c.pk], by=voter_b)
    election = advance_to(voting, State.COUNTED, network_admin)
    contest.refresh_from_db()
    assert contest.valid_ballots == 2
    assert contest.lot_seed is not None
    (stage,) = contest.stages.all()
    assert stage.totals[str(a.pk)] == "2.00000"
    a.refresh_from_db()
    assert a.outcome == Nomination.Outcome.ELECTED
    assert a.elected_order == 1
    assert not Appointment.objects.exists()  # nothing is appointed before publication
    election = advance_to(election, State.PUBLISHED, network_admin)
    elected = Nomination.objects.filter(contest=contest, outcome=Nomination.Outcome.ELECTED)
    assert elected.count() == 2
    appointments = Appointment.objects.filter(seat=contest.seat)
    assert {ap.person_id for ap in appointments} == {n.person_id for n in elected}
    assert all(ap.start == election.term_start for ap in appointments)
    actions = list(ElectionEvent.objects.filter(election=election).values_list("action", "by"))
    assert [a for a, _by in actions] == [
        "created",
        "nominations_opened",
        "nominations_closed",
        "voting_opened",
        "voting_closed",
        "counted",
        "published",
    ]
    assert all(by == network_admin.pk for _a, by in actions)


def test_stv_election_counts_ranked_ballots(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a, candidate_b
):
    election = advance_to(
        make_election(network_admin, [full_seat], method=Method.STV),
        State.NOMINATIONS,
        network_admin,
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
    election = advance_to(election, State.VOTING, network_admin)
    ids = [n.pk for n in candidates(election)]
    services.ballot_cast(
        contest=contest, organisation=org_a, choices=[ids[0], ids[1], ids[2]], by=voter_a
    )
    services.ballot_cast(contest=contest, organisation=org_b, choices=[ids[1]], by=voter_b)
    election = advance_to(election, State.COUNTED, network_admin)
    contest.refresh_from_db()
    assert contest.quota == 1  # 2 papers, 2 places: 2 // 3 + 1
    elected = set(
        Nomination.objects.filter(contest=contest, outcome="elected").values_list("pk", flat=True)
    )
    assert elected == {ids[0], ids[1]}


def test_notices_go_to_the_electorate_at_each_stage(
    network_admin, full_seat, voter_a, voter_b, django_capture_on_commit_callbacks
):
    election = make_election(network_admin, [full_seat])
    with django_capture_on_commit_callbacks(execute=True):
        advance_to(election, State.NOMINATIONS, network_admin)
    opened = [m for m in mail.outbox if "Nominations are open" in m.subject]
    assert sorted(m.to[0] for m in opened) == sorted([voter_a.person.email, voter_b.person.email])
    assert "EOC elections 2026" in opened[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        advance_to(Election.objects.get(pk=election.pk), State.COUNTED, network_admin)
    subjects = {m.subject.split(":")[0] for m in mail.outbox}
    assert subjects == {"Nominations have closed", "Voting is open", "Voting has closed"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        advance_to(Election.objects.get(pk=election.pk), State.PUBLISHED, network_admin)
    assert {m.subject for m in mail.outbox} == {"Results: EOC elections 2026"}


def test_an_appointment_refused_by_governance_stops_the_close_with_its_reason(
    nominating, network_admin, voter_a, org_a
):
    contest = nominating.contests.get()
    nomination = nominate(nominating, contest, voter_a, org_a, by=voter_a)
    services.nomination_accept(nomination=nomination, by=voter_a)
    # The registry changes after the nomination: org_a leaves the Full category before the term.
    Membership.objects.filter(organisation=org_a).update(
        end=nominating.term_start - timedelta(days=1)
    )
    with pytest.raises(ElectionError, match="cannot be appointed"):
        services.election_close_nominations(election=nominating, by=network_admin)
    assert Election.objects.get(pk=nominating.pk).state == State.NOMINATIONS


def test_voter_role_kinds_are_what_the_registry_calls_voting_contacts():
    assert RoleKind.VOTING_CONTACT == "voting_contact"


def test_the_schedule_moves_elections_on_when_their_time_comes(network_admin, full_seat):
    from io import StringIO

    from django.core.management import call_command

    from coopnet.governance.elections.schedule import advance_due_elections

    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    assert advance_due_elections() == []  # nominations close in an hour
    later = election.nominations_close + timedelta(minutes=1)
    ((_moved, outcome),) = advance_due_elections(now=later)
    assert outcome == State.NOMINATIONS_CLOSED
    event = ElectionEvent.objects.get(election=election, action="nominations_closed")
    assert event.by is None  # the system
    Election.objects.filter(pk=election.pk).update(voting_open=timezone.now())
    out = StringIO()
    call_command("advance_elections", stdout=out)
    assert f"{election.slug}: voting" in out.getvalue()
    # Counting and publishing stay with staff.
    Election.objects.filter(pk=election.pk).update(voting_close=timezone.now())
    advance_due_elections()
    assert Election.objects.get(pk=election.pk).state == State.VOTING_CLOSED
    assert advance_due_elections(now=timezone.now() + timedelta(days=30)) == []
