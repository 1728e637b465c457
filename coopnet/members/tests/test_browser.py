"""The registry as a person meets it in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_visitor_finds_a_member_council_through_the_directory(browser_page, org_a, org_b):
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
