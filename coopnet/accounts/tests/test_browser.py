"""A person's own settings and staff's sign-in locks, in Chromium, axe-checked on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_chooses_welsh_for_their_emails(browser_page, officer_a):
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.follow("Language for emails")
    bp.page.get_by_label("Welsh").check()
    bp.submit("Save")
    banner = bp.page.locator(".govuk-notification-banner").inner_text()
    assert "Your emails will be written in: Welsh." in banner
    officer_a.refresh_from_db()
    assert officer_a.language == "cy"


def test_staff_look_up_a_locked_account_and_let_its_person_back_in(
    browser_page, network_admin, officer_a
):
    bp = browser_page.visit("/accounts/login/")
    for _ in range(5):
        bp.page.get_by_label("Email").first.fill(officer_a.email)
        bp.page.get_by_label("Password").first.fill("wrong password")
        bp.submit("Sign in")
    bp.page.get_by_label("Email").first.fill(officer_a.email)
    bp.page.get_by_label("Password").first.fill(PASSWORD)
    bp.submit("Sign in")
    assert "Too many failed login attempts" in bp.page.content()

    staff = browser_page.sign_in(network_admin.email, PASSWORD)
    staff.follow("Sign-in locks")
    staff.page.get_by_label("Email address of the account").fill(officer_a.email)
    staff.submit("Look up")
    assert "Locked" in staff.page.locator(".govuk-summary-list").inner_text()
    staff.submit("Unlock sign-in")
    assert "Sign-in unlocked" in staff.page.locator(".govuk-notification-banner").inner_text()
    assert "Can sign in" in staff.page.locator(".govuk-summary-list").inner_text()


def test_a_person_makes_an_api_token_sees_it_once_and_revokes_it(browser_page, network_admin):
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.follow("API tokens")
    assert "You have no API tokens." in bp.page.content()
    bp.submit("Make the token")  # nothing filled in: the error summary names both fields
    assert bp.page.locator(".govuk-error-summary").is_visible()
    bp.page.get_by_label("Name").fill("Data warehouse")
    bp.page.get_by_label("Finance: invoices and budgets").check()
    bp.submit("Make the token")
    key = bp.page.locator("#new-token").inner_text()
    assert key.startswith("cnt_")
    assert "shown only this once" in bp.page.content()
    bp.visit("/accounts/api-tokens/")
    assert key not in bp.page.content()
    assert "Data warehouse" in bp.page.content()
    bp.submit("Revoke Data warehouse")
    assert "is revoked: it no longer works" in bp.page.content()
