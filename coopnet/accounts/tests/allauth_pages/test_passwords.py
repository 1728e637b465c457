"""Resetting, changing and re-entering a password."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from coopnet.accounts.tests.allauth_pages.helpers import (
    NEW_PASSWORD,
    PASSWORD,
    assert_error_page,
    assert_govuk_page,
    parse,
)

pytestmark = pytest.mark.django_db


def test_password_reset_sends_an_email_for_a_known_address(client, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client, user):
    known = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    unknown = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True
    )
    assert known.redirect_chain == unknown.redirect_chain
    assert_govuk_page(known)
    assert_govuk_page(unknown)
    assert parse(known).h1s == parse(unknown).h1s == ["Check your email"]
    known_main = re.search(r"<main.*</main>", known.content.decode(), re.S)
    unknown_main = re.search(r"<main.*</main>", unknown.content.decode(), re.S)
    assert known_main
    assert unknown_main
    assert known_main.group(0) == unknown_main.group(0)
    # No reset link goes to an address without an account.
    assert all(
        "/accounts/password/reset/key/" not in m.body
        for m in mail.outbox
        if m.to == ["nobody@example.org"]
    )


def test_password_reset_with_a_bad_address_shows_an_error(client):
    response = client.post(reverse("account_reset_password"), {"email": "not-an-email"})
    assert_error_page(response, "id_email")


def test_password_reset_link_lets_the_person_choose_a_new_password(client, user):
    client.post(reverse("account_reset_password"), {"email": user.email})
    body = str(mail.outbox[0].body)
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", body)
    assert link
    response = client.get(link.group(1), follow=True)
    page = assert_govuk_page(response)
    assert page.h1s == ["Create a new password"]
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": "different"})
    assert_error_page(response, "id_password2")
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_change_with_a_wrong_current_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert_error_page(response, "id_oldpassword")


def test_password_change_works(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_reauthenticate_with_a_wrong_password(client, user):
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    assert_error_page(response, "id_password")
