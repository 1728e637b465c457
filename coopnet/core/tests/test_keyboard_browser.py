"""The main forms completed with the keyboard alone, in Chromium, as the accessibility statement
says they are: Tab to reach each control (in an order that follows the page, each control showing
that it has the focus), typing, Space to tick, arrow keys to choose, Enter to send. No click.
axe-core checks every page on the way."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from conftest import PASSWORD
from coopnet.events.models import Registration
from coopnet.events.tests.factories import EventFactory
from coopnet.governance.elections.models import Ballot
from coopnet.members.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_by_keyboard(bp, email: str) -> None:
    bp.visit("/accounts/login/")
    page = bp.page
    bp.tab_to(page.get_by_label("Email").first)
    page.keyboard.type(email)
    bp.tab_to(page.get_by_label("Password").first)
    page.keyboard.type(PASSWORD)
    bp.tab_to(page.get_by_role("button", name="Sign in"))
    bp.press("Enter")


def test_signing_in_with_the_keyboard_alone(browser_page, officer_a):
    bp = browser_page
    bp.visit("/accounts/login/")
    page = bp.page
    # Enter on an empty form: the error summary takes the focus and links to the field.
    bp.tab_to(page.get_by_role("button", name="Sign in"))
    bp.press("Enter")
    summary = page.locator(".govuk-error-summary")
    assert summary.evaluate(
        "el => el === document.activeElement || el.contains(document.activeElement)"
    )
    first_error = summary.get_by_role("link").first
    bp.tab_to(first_error)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.tagName === 'INPUT'")
    assert bp.focused_name().startswith("Email")

    sign_in_by_keyboard(bp, officer_a.email)
    assert "/accounts/login/" not in page.url
    assert (
        page.get_by_role("button", name="Sign out").count()
        + page.get_by_role("link", name="Sign out").count()
        >= 1
    )


def test_starting_an_application_to_join_with_the_keyboard_alone(browser_page):
    bp = browser_page
    page = bp.page
    bp.visit("/join/")
    bp.tab_to(page.get_by_role("button", name="Start now"))
    bp.press("Enter")
    # A group of radios is one Tab stop; the arrow keys move between them and choose.
    first_kind = page.get_by_role("radio").first
    bp.tab_to(first_kind)
    page.keyboard.press("Space")
    assert first_kind.is_checked()
    council = page.get_by_label("A council or combined authority")
    while not council.is_checked():
        page.keyboard.press("ArrowDown")
    for label, text in (
        ("Full name", "Carys Pugh"),
        ("Email address", "carys.pugh@wigan.example"),
        ("Job title or role", "Policy Officer"),
    ):
        bp.tab_to(page.get_by_label(label))
        page.keyboard.type(text)
    bp.tab_to(page.get_by_role("button", name="Continue"))
    bp.press("Enter")
    assert "We have emailed a link" in page.locator(".govuk-notification-banner").inner_text()
    assert re.search(r"/join/[-\w]+/", mail.outbox[-1].body)

    # The type-to-search council picker: type, arrow down to the suggestion, Enter to take it.
    bp.tab_to(page.get_by_role("link", name="The organisation"))
    bp.press("Enter")
    bp.tab_to(page.get_by_label("Your council"))
    page.keyboard.type("Wigan")
    page.get_by_role("option", name="Wigan Metropolitan Borough Council").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.get_by_label("Your council").input_value() == "Wigan Metropolitan Borough Council"
    full = page.get_by_label("Full – UK principal councils and combined authorities.")
    bp.tab_to(page.get_by_role("radio").first)
    while not full.is_checked():
        page.keyboard.press("ArrowDown")
    bp.tab_to(page.get_by_role("button", name="Save and continue"))
    bp.press("Enter")
    assert "The organisation\tCompleted" in page.locator("main").inner_text()
    application = Application.objects.get(applicant_email="carys.pugh@wigan.example")
    assert application.local_authority.official_name == "Wigan Metropolitan Borough Council"
    assert application.category.code == "full"


def test_booking_an_event_with_the_keyboard_alone(browser_page, supporter):
    event = EventFactory(title="Community wealth building webinar")
    bp = browser_page
    sign_in_by_keyboard(bp, supporter.email)
    bp.visit(f"/events/{event.slug}/")
    bp.tab_to(bp.page.get_by_role("button", name="Book a place"))
    bp.press("Enter")
    assert "Your place is booked" in bp.page.content()
    assert event.registrations.get(user=supporter).status == Registration.Status.CONFIRMED


def test_casting_a_ballot_with_the_keyboard_alone(browser_page, network_admin, org_a, org_b):
    from coopnet.governance.elections.tests.helpers import make_body, make_seat, person_with_role
    from coopnet.governance.elections.tests.test_views import contested
    from coopnet.members.models import RoleKind

    voter_a = person_with_role(org_a, RoleKind.VOTING_CONTACT)
    voter_b = person_with_role(org_b, RoleKind.VOTING_CONTACT)
    candidate_a = person_with_role(org_a, RoleKind.COUNCILLOR)
    election = contested(
        network_admin,
        make_seat(make_body()),
        [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)],
    )
    contest = election.contests.get()
    bp = browser_page
    sign_in_by_keyboard(bp, voter_b.email)
    bp.visit(f"/elections/{election.slug}/vote/{contest.pk}/")
    page = bp.page
    # A candidate's statement opens with Enter; a box is ticked with Space.
    statement = page.locator("summary.govuk-details__summary").first
    bp.tab_to(statement)
    page.keyboard.press("Enter")
    assert page.locator("details.govuk-details").first.evaluate("el => el.open")
    choice = page.get_by_role("checkbox").first
    bp.tab_to(choice)
    page.keyboard.press("Space")
    assert choice.is_checked()
    bp.tab_to(page.get_by_role("button", name="Cast ballot"))
    bp.press("Enter")
    assert "Your receipt code" in page.content()
    assert Ballot.objects.filter(contest=contest).count() == 1
