"""A funding round end to end in Chromium, with axe-core on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from conftest import PASSWORD
from coopnet.funding.models import Bid, Project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def sign_in_as(bp, user):
    bp.page.context.clear_cookies()
    return bp.sign_in(user.email, PASSWORD)


def fill_bid(bp, *, amount: str, start, end, principle: str, locality: str = "") -> None:
    page = bp.page
    page.get_by_label("Summary").fill("Care co-operatives run by the people they serve.")
    page.get_by_label("The problem the project tackles").fill("Home care is fragile.")
    page.get_by_label("The co-operative approach").fill("Co-produce a care co-operative.")
    page.get_by_label("Outputs").fill("A toolkit and a report")
    if locality:
        page.get_by_label("Locality").fill(locality)
    page.get_by_label("Planned start").fill(start.isoformat())
    page.get_by_label("Planned end").fill(end.isoformat())
    page.get_by_label(principle).check()
    page.locator("#id_budget-0-description").fill("Staff time")
    page.locator("#id_budget-0-amount").fill(amount)
    page.locator("#id_milestones-0-title").fill("Kick-off workshop")
    page.locator("#id_milestones-0-due_on").fill(start.isoformat())
    bp.submit("Save draft")
    assert "Your bid has been saved" in page.content(), page.locator("main").inner_text()


def start_bid(bp, year: int, scheme: str, title: str) -> None:
    bp.visit(f"/funding/rounds/{year}/")
    bp.follow("Start a bid")
    bp.page.get_by_label("Scheme").select_option(label=scheme)
    bp.page.get_by_label("Project title").fill(title)
    bp.submit("Start bid")


def test_a_round_from_call_to_completion(
    browser_page,
    network_admin,
    officer_a,
    officer_b,
    org_a,
    org_b,
    reviewer,
    reviewer_from_a,
    joint_meeting,
):
    bp = browser_page
    today = timezone.localdate()
    year = today.year + 1

    # Staff open the round with its pots and published criteria.
    sign_in_as(bp, network_admin)
    bp.visit("/funding/rounds/")
    bp.follow("Open a funding round")
    page = bp.page
    page.get_by_label("Year").fill(str(year))
    page.get_by_label("Theme").fill("Co-operative care")
    page.get_by_label("Opens on").fill(today.isoformat())
    # the round closes the day before the joint meeting (fixture) decides its bids
    page.get_by_label("Closes on").fill((today + timedelta(days=20)).isoformat())
    page.get_by_label("Pot for Policy Labs (£)").fill("60000")
    page.get_by_label("Pot for Policy Prototypes (£)").fill("15000")
    page.get_by_label("Review criteria").fill("Co-operative difference\nLearning for the network")
    bp.submit("Save round")
    assert "round has been saved" in page.locator(".govuk-notification-banner").inner_text()

    # Council A bids for a Lab with council B as partner.
    start = today + timedelta(days=40)
    sign_in_as(bp, officer_a)
    start_bid(bp, year, "Policy Lab", "Care co-operatives")
    fill_bid(
        bp, amount="25000", start=start, end=start + timedelta(days=300), principle="Co-production"
    )
    bp.follow("Add a partner")
    page.get_by_label("Partner organisation").select_option(label=org_b.name)
    bp.submit("Add partner")
    bp.follow("Check and submit")
    problems = page.locator(".govuk-error-summary").inner_text()
    assert "at most £20,000" in problems
    assert "has not confirmed" in problems
    bid_a = Bid.objects.get(title="Care co-operatives")

    # Council B confirms its part, and bids for a Prototype of its own.
    sign_in_as(bp, officer_b)
    bp.visit(f"/funding/bids/{bid_a.pk}/")
    bp.submit(f"Confirm {org_b.name} takes part")
    start_bid(bp, year, "Policy Prototype", "Kirklees care hubs")
    fill_bid(
        bp,
        amount="1800",
        start=start,
        end=start + timedelta(days=240),
        principle="Innovation",
        locality="Dewsbury",
    )
    bp.follow("Check and submit")
    bp.submit("Submit the bid")
    assert "submitted" in page.locator(".govuk-notification-banner").inner_text()

    # Council A brings the Lab under the cap and submits.
    sign_in_as(bp, officer_a)
    bp.visit(f"/funding/bids/{bid_a.pk}/edit/")
    page.locator("#id_budget-0-amount").fill("18000")
    bp.submit("Save draft")
    assert "Your bid has been saved" in page.content(), page.locator("main").inner_text()
    bp.follow("Check and submit")
    bp.submit("Submit the bid")
    assert "submitted" in page.locator(".govuk-notification-banner").inner_text()

    # Staff assign reviewers: one from council A is excluded automatically.
    sign_in_as(bp, network_admin)
    for person in (reviewer, reviewer_from_a):
        bp.visit(f"/funding/bids/{bid_a.pk}/")
        bp.follow("Assign a reviewer")
        page.get_by_label("Reviewer").select_option(label=person.full_name)
        bp.submit("Assign")
    assert "excluded" in page.locator(".govuk-notification-banner").inner_text()

    # The EOC reviewer scores against the published criteria.
    sign_in_as(bp, reviewer.user)
    bp.visit("/funding/bids/")
    bp.follow("Care co-operatives")
    page.locator("fieldset", has_text="Co-operative difference").get_by_label(
        "4", exact=True
    ).check()
    page.locator("fieldset", has_text="Learning for the network").get_by_label(
        "5", exact=True
    ).check()
    page.get_by_label("Overall comments").fill("Strong partnership")
    bp.submit("Save scores")

    # The excluded reviewer cannot score.
    sign_in_as(bp, reviewer_from_a.user)
    bp.visit("/funding/bids/")
    bp.follow("Care co-operatives")
    assert "conflict of interest" in page.content()

    # The joint meeting decides; the panel shows the scores against the pot.
    sign_in_as(bp, network_admin)
    bp.visit(f"/funding/rounds/{year}/panel/")
    assert "9.0" in page.content()
    for title in ("Care co-operatives", "Kirklees care hubs"):
        bp.page.get_by_role("link", name=f"Record the decision {title}").click()
        bp.page.wait_for_load_state("load")
        bp.check()
        page.get_by_label("Joint meeting").select_option(label=joint_meeting.title)
        page.get_by_label("Approve", exact=True).check()
        page.get_by_label("Feedback to the applicant").fill("Well argued.")
        bp.submit("Record decision")
    assert "£19,800" in page.content()
    assert any("Well argued." in m.body for m in mail.outbox)

    # Agreement signed, reports sent and accepted, the project completes.
    project = Project.objects.get(bid=bid_a)
    bp.visit(f"/funding/projects/{project.slug}/manage/")
    bp.submit("Record the signed agreement")
    report_count = project.reports.count()
    for _ in range(report_count):
        sign_in_as(bp, officer_a)
        bp.visit(f"/funding/projects/{project.slug}/manage/")
        report = project.reports.filter(status="due").order_by("due_on").first()
        bp.visit(f"/funding/reports/{report.pk}/")
        page.get_by_label("Progress so far").fill("Two workshops held.")
        bp.submit("Send the report")
        sign_in_as(bp, network_admin)
        bp.visit(f"/funding/reports/{report.pk}/review/")
        page.get_by_label("Accept the report").check()
        bp.submit("Save review")
    project.refresh_from_db()
    assert project.status == Project.Status.COMPLETED

    # The public see the project.
    bp.page.context.clear_cookies()
    bp.visit("/funding/?scheme=policy-lab")
    bp.follow("Care co-operatives")
    assert "Completed" in page.content()
    assert org_b.name in page.content()
