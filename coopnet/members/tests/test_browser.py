"""The registry as a person meets it in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest
from django.core import mail

from conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_visitor_finds_a_member_council_through_the_directory(browser_page, org_a, org_b):
    from datetime import date

    from coopnet.core.figures import set_coverage

    set_coverage("members-full", date(2000, 1, 1))  # the records are complete: counts show
    bp = browser_page.visit("/")
    assert "2 councils" in bp.page.locator(".coopnet-headline").inner_text()
    bp.follow("Members")
    bp.page.get_by_label("Name").fill("Kirklees")
    bp.submit("Apply filters")
    assert "q=Kirklees" in bp.page.url  # shareable
    rows = bp.page.locator("tbody tr")
    assert rows.count() == 1
    bp.follow(org_b.name)
    assert bp.page.get_by_role("heading", level=1).inner_text() == org_b.name
    assert "Population (2020)" in bp.page.content()


def test_officer_edits_own_profile_and_sees_errors_in_a_summary(browser_page, officer_a, org_a):
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.visit(f"/members/{org_a.slug}/edit/")
    bp.page.get_by_label("Website").fill("not a web address")
    bp.submit("Save profile")
    summary = bp.page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert bp.page.title().startswith("Error:")
    bp.page.get_by_label("Website").fill("https://www.oldham.gov.uk")
    bp.page.get_by_label("About the organisation").fill("A co-operative council since 2011.")
    bp.submit("Save profile")
    assert "has been saved" in bp.page.locator(".govuk-notification-banner").inner_text()
    assert "A co-operative council since 2011." in bp.page.content()


def test_language_switcher_changes_to_welsh_and_back(browser_page, org_a):
    bp = browser_page.visit("/")
    bp.submit("Cymraeg – change language")
    assert bp.page.locator("html").get_attribute("lang") == "cy"
    bp.submit("English – newid iaith")
    assert bp.page.locator("html").get_attribute("lang") == "en-gb"


def test_admin_invites_an_officer_who_signs_up_and_adds_a_contact(
    browser_page, network_admin, org_a
):
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit("/accounts/invite/")
    bp.page.get_by_label("Full name").fill("Nia Jones")
    bp.page.get_by_label("Email address").fill("nia.jones@example.org")
    bp.page.get_by_label("Access role").select_option("member_officer")
    bp.page.get_by_label("Organisation").select_option(str(org_a.pk))
    bp.submit("Send invitation")
    assert "invitation has been sent" in bp.page.locator(".govuk-notification-banner").inner_text()
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/accounts/invitation/" in line
    )
    bp.page.context.clear_cookies()

    bp.visit(link.strip().replace("http://127.0.0.1:8000", bp.base_url))
    bp.page.get_by_label("Create a password").fill("a long and unusual passphrase")
    bp.page.get_by_label("Confirm password").fill("a long and unusual passphrase")
    bp.submit("Create account")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Your account"

    bp.follow(f"contacts {org_a.name}")
    bp.follow("Add a contact")
    bp.submit("Save contact")  # nothing filled in: refused with a summary
    assert bp.page.locator(".govuk-error-summary").is_visible()
    bp.page.get_by_label("Full name").fill("Rhys Evans")
    bp.page.get_by_label("Role", exact=True).select_option("invoice_contact")
    bp.page.get_by_label("Email address").fill("rhys@example.org")
    bp.page.get_by_label("This person agrees to be contacted by the network").check()
    bp.submit("Save contact")
    assert "Rhys Evans" in bp.page.locator("table").inner_text()


def test_remaining_pages_pass_axe_in_english_and_welsh(
    browser_page, officer_a, org_a, network_admin
):
    from datetime import timedelta

    from django.utils import timezone

    from coopnet.accounts.models import Invitation
    from coopnet.members.models import Role

    expired = Invitation.objects.create(
        email="late@example.org",
        full_name="Late Person",
        role="member_officer",
        organisation=org_a,
        invited_by=network_admin,
        expires_at=timezone.now() - timedelta(days=1),
    )
    bp = browser_page.visit("/accessibility/")
    bp.visit("/privacy/")
    bp.visit(f"/accounts/invitation/{expired.token}/")
    assert "expired" in bp.page.content()
    bp.submit("Cymraeg – change language")
    for path in ("/", "/members/", f"/members/{org_a.slug}/", "/accessibility/"):
        bp.visit(path)
        assert bp.page.locator("html").get_attribute("lang") == "cy"
    bp.submit("English – newid iaith")
    bp.sign_in(officer_a.email, PASSWORD)
    role = Role.objects.filter(organisation=org_a).first()
    bp.visit(f"/members/{org_a.slug}/contacts/{role.pk}/edit/")
    bp.page.get_by_label("Job title").fill("Co-operative Lead Officer")
    bp.submit("Save contact")
    assert "Co-operative Lead Officer" in bp.page.locator("table").inner_text()
