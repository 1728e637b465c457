"""The election pages: what each person sees, every refusal, results hidden until published,
and each page's queries pinned (the same with few rows as with many)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.governance.elections import services
from coopnet.governance.elections.models import Ballot, Election, Nomination
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

from .helpers import advance_to, make_election, nominate, person_with_role

pytestmark = pytest.mark.django_db
State = Election.State


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def queries(client: Client, url: str, method: str = "get", data=None) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    return len(captured), response


def extra_full_members(n: int) -> list:
    """n more Full member councils, each with a voting contact and a councillor."""
    codes = ["MAN", "SLF", "TAM", "BOL", "BUR", "ROC", "STO", "TRF", "WGN", "BIR", "LDS", "SHF"]
    orgs = []
    for code in codes[:n]:
        council = CouncilFactory(la_code=code)
        MembershipFactory(organisation=council, category=category("full"))
        person_with_role(council, RoleKind.VOTING_CONTACT)
        person_with_role(council, RoleKind.COUNCILLOR)
        orgs.append(council)
    return orgs


def contested(network_admin, seat, pairs, state=State.VOTING, **changes) -> Election:
    """An election with every (user, organisation) in pairs nominated (by themselves) and
    accepted, taken to `state`."""
    election = advance_to(
        make_election(network_admin, [seat], **changes), State.NOMINATIONS, network_admin
    )
    contest = election.contests.get()
    for user, org in pairs:
        RoleFactory_voting(user, org)
        services.nomination_accept(
            nomination=nominate(election, contest, user, org, by=user), by=user
        )
    return advance_to(election, state, network_admin)


def RoleFactory_voting(user, org) -> None:
    from coopnet.members.tests.factories import RoleFactory

    if not user.person.roles.filter(organisation=org, kind=RoleKind.VOTING_CONTACT).exists():
        RoleFactory(person=user.person, organisation=org, kind=RoleKind.VOTING_CONTACT)


# --- results are hidden until published -------------------------------------------------------


def test_no_results_anywhere_before_publication(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    contest = election.contests.get()
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    services.ballot_cast(contest=contest, organisation=org_a, choices=[ids[0]], by=voter_a)
    election = advance_to(election, State.COUNTED, network_admin)
    anonymous, member = Client(), client_for(voter_b)
    for client in (anonymous, member):
        page = client.get(reverse("elections:detail", args=[election.slug])).content.decode()
        assert "Stage 1" not in page
        assert "Elected" not in page
        assert "Quota" not in page
        for name in ("elections:results_csv", "elections:results_pdf"):
            assert client.get(reverse(name, args=[election.slug])).status_code == 404
        assert client.get(reverse("api:election-detail", args=[election.slug])).status_code == 404
        assert client.get(reverse("api:election-list")).json()["results"] == []
    # Staff see the count to check it before publishing.
    staff_page = client_for(network_admin).get(reverse("elections:manage", args=[election.slug]))
    assert "Stage 1" in staff_page.content.decode()
    advance_to(election, State.PUBLISHED, network_admin)
    page = anonymous.get(reverse("elections:detail", args=[election.slug])).content.decode()
    assert "Stage 1" in page
    assert "Elected" in page
    csv_text = anonymous.get(
        reverse("elections:results_csv", args=[election.slug])
    ).content.decode()
    assert voter_a.person.display_name in csv_text
    assert "Elected" in csv_text
    api = anonymous.get(reverse("api:election-detail", args=[election.slug])).json()
    (api_contest,) = api["contests"]
    assert {c["name"] for c in api_contest["candidates"] if c["elected"]}
    assert "ballots" not in api_contest
    assert "receipt" not in str(api)


def test_the_result_sheet_is_a_real_pdf(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    from io import BytesIO

    from pypdf import PdfReader

    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    contest = election.contests.get()
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    services.ballot_cast(contest=contest, organisation=org_b, choices=[ids[1], ids[2]], by=voter_b)
    advance_to(election, State.PUBLISHED, network_admin)
    response = Client().get(reverse("elections:results_pdf", args=[election.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert election.title in text
    assert voter_b.person.display_name in text
    assert "Elected" in text


def test_a_candidate_who_has_not_chosen_to_be_named_is_not_named_in_the_results(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    from io import BytesIO

    from pypdf import PdfReader

    unnamed = candidate_a.person
    unnamed.is_public = False
    unnamed.save()
    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    contest = election.contests.get()
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    services.ballot_cast(contest=contest, organisation=org_b, choices=[ids[2]], by=voter_b)
    advance_to(election, State.PUBLISHED, network_admin)
    hidden, named = unnamed.display_name, voter_a.person.display_name
    label = "A member who has not chosen to be named"
    for client in (Client(), client_for(voter_b)):
        page = client.get(reverse("elections:detail", args=[election.slug])).content.decode()
        csv_text = client.get(reverse("elections:results_csv", args=[election.slug]))
        csv_text = csv_text.content.decode()
        pdf = client.get(reverse("elections:results_pdf", args=[election.slug])).content
        pdf_text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
        api = client.get(reverse("api:election-detail", args=[election.slug])).json()
        names = {c["name"] for c in api["contests"][0]["candidates"]}
        for text in (page, csv_text, pdf_text, str(api)):
            assert hidden not in text
        for text in (page, csv_text, pdf_text):
            assert named in text
            assert label in " ".join(text.split())
        assert names == {named, voter_b.person.display_name, None}
    # Staff who run the election still see every name.
    staff_page = client_for(network_admin).get(reverse("elections:manage", args=[election.slug]))
    assert hidden in staff_page.content.decode()


# --- refusals as people see them -----------------------------------------------------------------


def test_a_draft_election_is_not_found_except_by_staff(network_admin, full_seat, officer_a):
    election = make_election(network_admin, [full_seat])
    url = reverse("elections:detail", args=[election.slug])
    assert Client().get(url).status_code == 404
    assert client_for(officer_a).get(url).status_code == 404
    assert client_for(network_admin).get(url).status_code == 200


def test_an_ineligible_nominee_is_refused_with_the_reason(
    network_admin, full_seat, voter_a, org_a, django_capture_on_commit_callbacks
):
    from coopnet.members.models import Role
    from coopnet.members.tests.factories import OrganisationFactory

    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    client = client_for(voter_a)
    url = reverse("elections:nominate", args=[election.slug])
    page = client.get(url).content.decode()
    assert voter_a.person.display_name in page
    affiliate = OrganisationFactory(name="Values Co-operative")
    MembershipFactory(organisation=affiliate, category=category("affiliate"))
    outsider = person_with_role(affiliate)
    assert outsider.person.display_name not in page  # not offered
    role = Role.objects.get(person=outsider.person)
    response = client.post(
        url,
        {
            "contest": election.contests.get().pk,
            "nominating_organisation": org_a.pk,
            "nominee": role.pk,
            "statement": "Please.",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Nomination.objects.exists()


def test_nominating_when_nominations_are_not_open_says_so(network_admin, full_seat, voter_a):
    election = make_election(network_admin, [full_seat])
    advance_to(election, State.NOMINATIONS_CLOSED, network_admin)
    response = client_for(voter_a).get(
        reverse("elections:nominate", args=[election.slug]), follow=True
    )
    assert "Nominations are not open" in response.content.decode()


def test_someone_who_acts_for_no_member_cannot_nominate(network_admin, full_seat, supporter):
    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    assert (
        client_for(supporter).get(reverse("elections:nominate", args=[election.slug])).status_code
        == 403
    )


def test_candidate_accepts_from_their_nomination_page(
    network_admin, full_seat, voter_a, org_a, candidate_a
):
    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    nomination = nominate(election, election.contests.get(), candidate_a, org_a, by=voter_a)
    url = reverse("elections:nomination_accept", args=[election.slug, nomination.pk])
    assert client_for(voter_a).post(url).status_code == 403  # the nominator cannot accept
    response = client_for(candidate_a).post(url, follow=True)
    assert "You are a candidate" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.ACCEPTED


def test_voting_twice_and_voting_as_a_non_voter_are_refused(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    election = contested(
        network_admin, full_seat, [(candidate_a, org_a), (voter_b, org_b), (voter_a, org_a)]
    )
    contest = election.contests.get()
    url = reverse("elections:ballot", args=[election.slug, contest.pk])
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    client = client_for(voter_a)
    response = client.post(url, {"organisation": org_a.pk, "marks": [ids[0]]})
    assert response.status_code == 200
    (ballot,) = Ballot.objects.all()
    assert ballot.receipt in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # The receipt is kept nowhere linked to the voter, not even in the session.
    assert ballot.receipt not in str(dict(client.session))
    # A second ballot for org_a: refused with the reason.
    again = client.get(url)
    assert again.status_code == 403
    assert "have already voted" in again.content.decode()
    assert Ballot.objects.count() == 1
    # A councillor of org_a who holds no voting role: the page says why.
    councillor = person_with_role(org_a, RoleKind.COUNCILLOR)
    refused = client_for(councillor).get(url)
    assert refused.status_code == 403
    assert "not a voting contact" in refused.content.decode()


def test_voting_outside_the_window_is_refused_on_the_page(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    election = contested(
        network_admin, full_seat, [(candidate_a, org_a), (voter_b, org_b), (voter_a, org_a)]
    )
    contest = election.contests.get()
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    Election.objects.filter(pk=election.pk).update(
        voting_close=timezone.now() - timedelta(seconds=1)
    )
    url = reverse("elections:ballot", args=[election.slug, contest.pk])
    response = client_for(voter_a).post(url, {"organisation": org_a.pk, "marks": [ids[0]]})
    assert response.status_code == 200
    assert "Voting is not open for this election" in response.content.decode()
    assert not Ballot.objects.exists()
    advance_to(Election.objects.get(pk=election.pk), State.VOTING_CLOSED, network_admin)
    closed = client_for(voter_a).get(url, follow=True)
    assert "Voting is not open for this election" in closed.content.decode()


def test_an_stv_ballot_must_be_numbered_without_gaps(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    election = contested(
        network_admin,
        full_seat,
        [(candidate_a, org_a), (voter_b, org_b), (voter_a, org_a)],
        method="stv",
    )
    contest = election.contests.get()
    ids = [n.pk for n in Nomination.objects.filter(contest=contest).order_by("pk")]
    url = reverse("elections:ballot", args=[election.slug, contest.pk])
    client = client_for(voter_a)
    response = client.post(
        url, {"organisation": org_a.pk, f"rank_{ids[0]}": "1", f"rank_{ids[1]}": "3"}
    )
    assert "without gaps or repeats" in response.content.decode()
    response = client.post(
        url, {"organisation": org_a.pk, f"rank_{ids[0]}": "2", f"rank_{ids[1]}": "1"}
    )
    assert response.status_code == 200
    assert "Your ballot has been cast" in response.content.decode()
    assert Ballot.objects.get().choices == [ids[1], ids[0]]


def test_can_i_vote_before_voting_opens(network_admin, full_seat, voter_a, org_a, supporter):
    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    url = reverse("elections:can_i_vote", args=[election.slug])
    yes = client_for(voter_a).get(url).content.decode()
    assert f"You can vote for {org_a.name}" in yes
    assert "Full members" in yes
    no = client_for(supporter).get(url).content.decode()
    assert "No, not at the moment" in no
    assert "not linked to a person" in no


def test_can_i_vote_explains_a_lapsed_membership(network_admin, full_seat, voter_a, org_a):
    from coopnet.members.models import Membership

    Membership.objects.filter(organisation=org_a).update(
        end=timezone.localdate() - timedelta(days=1)
    )
    election = advance_to(
        make_election(network_admin, [full_seat]), State.NOMINATIONS, network_admin
    )
    page = (
        client_for(voter_a)
        .get(reverse("elections:can_i_vote", args=[election.slug]))
        .content.decode()
    )
    assert f"{org_a.name} is not a member on" in page


def test_the_receipt_check_finds_a_counted_ballot(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    election = contested(
        network_admin, full_seat, [(candidate_a, org_a), (voter_b, org_b), (voter_a, org_a)]
    )
    contest = election.contests.get()
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()
    receipt = services.ballot_cast(
        contest=contest, organisation=org_a, choices=[first.pk], by=voter_a
    )
    url = reverse("elections:receipt")
    assert "will be counted" in Client().get(url, {"code": receipt.lower()}).content.decode()
    advance_to(election, State.PUBLISHED, network_admin)
    assert "and was counted" in Client().get(url, {"code": receipt}).content.decode()
    assert (
        "No ballot has this receipt code"
        in Client().get(url, {"code": "AAAA-BBBB-CCCC-DDDD"}).content.decode()
    )


def test_staff_run_an_election_from_its_page(network_admin, full_seat, officer_a):
    election = make_election(network_admin, [full_seat])
    url = reverse("elections:advance", args=[election.slug])
    assert client_for(officer_a).post(url, {"state": "draft", "confirm": "yes"}).status_code == 403
    response = client_for(network_admin).post(
        url, {"state": "draft", "confirm": "yes"}, follow=True
    )
    assert "Nominations open" in response.content.decode()
    assert Election.objects.get(pk=election.pk).state == State.NOMINATIONS


def test_staff_set_up_an_election_from_the_form(network_admin, full_seat):
    now = timezone.localtime()
    fmt = "%Y-%m-%d %H:%M"
    data = {
        "title": "V&P Board elections 2026",
        "seats": [full_seat.pk],
        "method": "stv",
        "term_start": (now + timedelta(days=40)).date().isoformat(),
        "nominations_open": (now + timedelta(days=1)).strftime(fmt),
        "nominations_close": (now + timedelta(days=10)).strftime(fmt),
        "voting_open": (now + timedelta(days=11)).strftime(fmt),
        "voting_close": (now + timedelta(days=20)).strftime(fmt),
    }
    client = client_for(network_admin)
    bad = client.post(
        reverse("elections:create"), {**data, "voting_open": data["nominations_open"]}
    )
    assert "Voting must open after nominations close" in bad.content.decode()
    response = client.post(reverse("elections:create"), data)
    assert response.status_code == 302
    election = Election.objects.get(title="V&P Board elections 2026")
    assert election.method == "stv"
    assert election.contests.count() == 1


# --- queries ---------------------------------------------------------------------------------


def test_public_pages_cost_the_same_with_more_rows(
    network_admin, full_seat, voter_a, voter_b, org_a, org_b, django_assert_max_num_queries
):
    small = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b)], state=State.NOMINATIONS
    )
    extra = extra_full_members(8)
    pairs = [(voter_a, org_a), (voter_b, org_b)]
    from coopnet.members.models import Role

    for org in extra:
        role = Role.objects.filter(organisation=org, kind=RoleKind.COUNCILLOR).first()
        user = role.person.user
        RoleFactory_voting(user, org)
        pairs.append((user, org))
    big = contested(network_admin, full_seat, pairs, state=State.NOMINATIONS, title="Big election")
    anonymous = Client()
    for name, max_queries in (("elections:detail", 6),):
        counts = []
        for election in (small, big):
            with django_assert_max_num_queries(max_queries):
                n, response = queries(anonymous, reverse(name, args=[election.slug]))
            assert response.status_code == 200
            counts.append(n)
        assert counts[0] == counts[1]
    with django_assert_max_num_queries(4):
        assert anonymous.get(reverse("elections:list")).status_code == 200


def test_staff_pages_cost_the_same_with_more_rows(
    network_admin,
    full_seat,
    voter_a,
    voter_b,
    org_a,
    org_b,
    candidate_a,
    django_assert_max_num_queries,
):
    staff = client_for(network_admin)
    preview = advance_to(
        make_election(network_admin, [full_seat], title="Preview"), State.NOMINATIONS, network_admin
    )
    preview_url = reverse("elections:electorate", args=[preview.slug])
    small = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    counts: dict[str, list[int]] = {}

    def measure(election: Election) -> None:
        for name in ("elections:manage", "elections:electorate"):
            with django_assert_max_num_queries(14):
                n, response = queries(staff, reverse(name, args=[election.slug]))
            assert response.status_code == 200
            counts.setdefault(name, []).append(n)
        with django_assert_max_num_queries(12):  # with who has no voting contact
            n, response = queries(staff, preview_url)
        counts.setdefault("preview", []).append(n)

    measure(small)
    extra_full_members(8)  # eight more member councils, each with a voting contact
    big = contested(
        network_admin,
        full_seat,
        [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)],
        title="Big election",
    )
    assert big.electors.count() == small.electors.count() + 8
    measure(big)
    for name, (few, many) in counts.items():
        assert few == many, name


def test_voter_pages_have_pinned_queries(
    network_admin,
    full_seat,
    voter_a,
    voter_b,
    org_a,
    org_b,
    candidate_a,
    django_assert_max_num_queries,
):
    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    contest = election.contests.get()
    client = client_for(voter_a)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("elections:can_i_vote", args=[election.slug])).status_code == 200
    with django_assert_max_num_queries(16):
        assert (
            client.get(reverse("elections:ballot", args=[election.slug, contest.pk])).status_code
            == 200
        )
    with django_assert_max_num_queries(6):
        assert (
            Client().get(reverse("elections:receipt"), {"code": "AAAA-BBBB-CCCC-DDDD"}).status_code
            == 200
        )
