"""An election run end to end in Chromium, with axe-core on every page: staff set it up, a member
nominates, the candidates accept, voting opens, two organisations' voting contacts vote, staff
count and publish, and the results show."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import PASSWORD
from coopnet.governance.elections.models import Election
from coopnet.governance.models import Appointment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

FMT = "%Y-%m-%d %H:%M"


def as_user(bp, user):
    bp.page.context.clear_cookies()
    return bp.sign_in(user.email, PASSWORD)


def staff_move_on(bp, election_slug: str, button: str):
    bp.visit(f"/elections/{election_slug}/manage/")
    with bp.page.expect_navigation():
        bp.page.get_by_role("button", name=button).click()  # a link to the confirmation page
    bp.check()
    assert bp.page.get_by_role("heading", level=1).inner_text() == button
    bp.submit(button)
    assert "now at the stage" in bp.page.locator(".govuk-notification-banner").inner_text()


def test_an_election_runs_end_to_end_in_the_browser(
    browser_page, network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    full_seat.places = 1
    full_seat.save()
    now = timezone.localtime()

    # Staff set the election up.
    bp = as_user(browser_page, network_admin)
    bp.visit("/elections/")
    bp.follow("Set up an election")
    bp.submit("Save election")  # nothing filled in: refused with a summary
    assert bp.page.locator(".govuk-error-summary").is_visible()
    bp.page.get_by_label("Title").fill("EOC elections 2026")
    bp.page.get_by_label("EOC: Full members representatives (Full members)").check()
    bp.page.get_by_label("First past the post").check()
    bp.page.get_by_label("Term starts").fill((now + timedelta(days=60)).date().isoformat())
    bp.page.get_by_label("Nominations open").fill((now + timedelta(days=1)).strftime(FMT))
    bp.page.get_by_label("Nominations close").fill((now + timedelta(days=14)).strftime(FMT))
    bp.page.get_by_label("Voting opens").fill((now + timedelta(days=15)).strftime(FMT))
    bp.page.get_by_label("Voting closes").fill((now + timedelta(days=29)).strftime(FMT))
    bp.submit("Save election")
    assert "has been set up" in bp.page.locator(".govuk-notification-banner").inner_text()
    election = Election.objects.get()
    bp.follow("Electorate")  # the preview, before it is fixed
    assert org_a.name in bp.page.locator("table").inner_text()
    staff_move_on(bp, election.slug, "Open nominations")

    # A member checks they can vote, then nominates a councillor of their own council.
    bp = as_user(bp, voter_a)
    bp.visit(f"/elections/{election.slug}/")
    bp.follow("Can I vote?")
    assert f"You can vote for {org_a.name}" in bp.page.content()
    bp.visit(f"/elections/{election.slug}/")
    bp.follow("Make a nomination")
    bp.page.get_by_label("Full members representatives").check()
    bp.page.get_by_label("Nominating organisation").select_option(str(org_a.pk))
    role = candidate_a.person.roles.get()
    bp.page.get_by_label("Person nominated").select_option(str(role.pk))
    bp.page.get_by_label("Statement in support").fill("Twenty years of co-operative practice.")
    bp.submit("Submit nomination")
    assert "has been nominated" in bp.page.locator(".govuk-notification-banner").inner_text()
    nomination_url = bp.page.url

    # Kirklees's voting contact nominates themselves.
    bp = as_user(bp, voter_b)
    bp.visit(f"/elections/{election.slug}/nominate/")
    bp.page.get_by_label("Full members representatives").check()
    own = voter_b.person.roles.get()
    bp.page.get_by_label("Person nominated").select_option(str(own.pk))
    bp.page.get_by_label("Statement in support").fill("A voice for West Yorkshire.")
    bp.submit("Submit nomination")
    bp.submit("Accept nomination")
    assert "You are a candidate" in bp.page.locator(".govuk-notification-banner").inner_text()

    # The councillor accepts their nomination.
    bp = as_user(bp, candidate_a)
    bp.visit(nomination_url)
    bp.submit("Accept nomination")
    assert "You are a candidate" in bp.page.locator(".govuk-notification-banner").inner_text()

    # Staff close nominations and open voting (early: the log records it).
    bp = as_user(bp, network_admin)
    staff_move_on(bp, election.slug, "Close nominations")
    staff_move_on(bp, election.slug, "Open voting and fix the electorate")
    bp.follow("Electorate")
    assert "when voting opened" in bp.page.content()

    # Two organisations' voting contacts vote.
    receipts = []
    for voter, choice in ((voter_a, candidate_a), (voter_b, candidate_a)):
        bp = as_user(bp, voter)
        bp.visit(f"/elections/{election.slug}/can-i-vote/")
        bp.follow("Vote – Full members representatives")
        bp.page.locator("label", has_text=choice.person.display_name).click()
        bp.submit("Cast ballot")
        assert bp.page.get_by_role("heading", level=1).inner_text() == "Your ballot has been cast"
        receipts.append(bp.page.locator(".govuk-panel__body strong").inner_text().strip())
    assert len(set(receipts)) == 2

    # Staff count and publish.
    bp = as_user(bp, network_admin)
    staff_move_on(bp, election.slug, "Close voting")
    staff_move_on(bp, election.slug, "Count the votes")
    assert "Only staff can see this count" in bp.page.content()
    staff_move_on(bp, election.slug, "Publish the results")

    # The results show, to anyone.
    bp.page.context.clear_cookies()
    bp.visit(f"/elections/{election.slug}/")
    results = bp.page.locator("table").first.inner_text()
    assert candidate_a.person.display_name in results
    assert "Elected" in results
    bp.visit("/elections/receipt/")
    bp.page.get_by_label("Receipt code").fill(receipts[0])
    bp.submit("Check receipt")
    assert "and was counted" in bp.page.content()
    appointment = Appointment.objects.get(person=candidate_a.person)
    assert appointment.start == Election.objects.get().term_start


def test_the_other_election_pages_pass_axe_in_english_and_welsh(
    browser_page, network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    from coopnet.governance.elections import services
    from coopnet.governance.elections.models import Nomination

    from .helpers import advance_to, make_election, nominate

    election = advance_to(
        make_election(network_admin, [full_seat], method="stv"),
        Election.State.NOMINATIONS,
        network_admin,
    )
    contest = election.contests.get()
    for user, org in ((candidate_a, org_a), (voter_b, org_b), (voter_a, org_a)):
        by = voter_a if org == org_a else voter_b
        services.nomination_accept(
            nomination=nominate(election, contest, user, org, by=by), by=user
        )
    election = advance_to(election, Election.State.VOTING, network_admin)
    ids = list(
        Nomination.objects.filter(contest=contest).order_by("pk").values_list("pk", flat=True)
    )
    receipt = services.ballot_cast(
        contest=contest, organisation=org_b, choices=[ids[1], ids[0]], by=voter_b
    )

    bp = as_user(browser_page, voter_a)
    bp.visit(f"/elections/{election.slug}/delegate/")
    role = candidate_a.person.roles.get()
    bp.page.get_by_label("Person who will vote for the organisation").select_option(str(role.pk))
    bp.submit("Save delegate")
    assert "will vote for" in bp.page.locator(".govuk-notification-banner").inner_text()
    bp.visit(f"/elections/{election.slug}/vote/{contest.pk}/")  # the STV ballot
    bp.submit("Cast ballot")  # nothing numbered: refused with a summary
    assert bp.page.locator(".govuk-error-summary").is_visible()

    bp = as_user(bp, voter_b)
    bp.visit(f"/elections/{election.slug}/vote/{contest.pk}/")  # already voted: the reason
    assert "have already voted" in bp.page.content()

    election = advance_to(election, Election.State.PUBLISHED, network_admin)
    bp = as_user(bp, voter_a)
    bp.visit("/")
    bp.submit("Cymraeg – change language")
    for path in (
        "/elections/",
        f"/elections/{election.slug}/can-i-vote/",
        f"/elections/{election.slug}/",
        f"/elections/receipt/?code={receipt}",
    ):
        bp.visit(path)
        assert bp.page.locator("html").get_attribute("lang") == "cy"
    assert "Derbyniwyd y bleidlais hon" in bp.page.content()
    bp.visit(f"/elections/{election.slug}/")
    assert "Cam 1" in bp.page.content()
    assert "Etholwyd" in bp.page.content()
