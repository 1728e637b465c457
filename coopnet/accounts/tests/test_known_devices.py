"""Someone else's wrong passwords lock an account everywhere except the browsers its owner has
signed in from, which are held to the same policy for their own failures only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coopnet.accounts.known_devices import COOKIE

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
TOO_MANY = "Too many failed login attempts. Try again later."


def sign_in(client, email, password, address="203.0.113.9"):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address
    )


def attacked(user) -> None:
    """Five wrong passwords for the account from five other browsers and addresses."""
    for n in range(5):
        assert sign_in(Client(), user.email, "wrong", f"198.51.100.{n}").status_code == 200


def known_browser(user) -> Client:
    browser = Client()
    assert sign_in(browser, user.email, PASSWORD).status_code == 302
    assert COOKIE in browser.cookies
    assert browser.cookies[COOKIE]["httponly"]
    browser.post(reverse("account_logout"))
    assert "_auth_user_id" not in browser.session
    return browser


def test_the_owner_s_browser_signs_in_while_others_are_locked_out(officer_a):
    mine = known_browser(officer_a)
    attacked(officer_a)
    stranger = sign_in(Client(), officer_a.email, PASSWORD, "192.0.2.1")
    assert TOO_MANY in stranger.text  # a new browser, even with the right password, waits
    assert sign_in(mine, officer_a.email, PASSWORD).status_code == 302
    assert mine.session["_auth_user_id"] == str(officer_a.pk)


def test_a_known_browser_is_locked_by_its_own_failures(officer_a):
    mine = known_browser(officer_a)
    for n in range(5):
        assert sign_in(mine, officer_a.email, "wrong", f"198.51.100.{n}").status_code == 200
    refused = sign_in(mine, officer_a.email, PASSWORD)
    assert TOO_MANY in refused.text
    assert "_auth_user_id" not in mine.session


def test_a_browser_known_to_one_account_is_a_stranger_to_another(officer_a, supporter):
    mine = known_browser(officer_a)
    attacked(supporter)
    assert TOO_MANY in sign_in(mine, supporter.email, PASSWORD).text


def test_a_forged_device_cookie_counts_for_nothing(officer_a):
    attacked(officer_a)
    forged = Client()
    forged.cookies[COOKIE] = f"[{officer_a.pk}]"
    assert TOO_MANY in sign_in(forged, officer_a.email, PASSWORD).text
