"""Signing up."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from coopnet.accounts.tests.allauth_pages.helpers import (
    NEW_PASSWORD,
    assert_error_page,
    assert_govuk_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_sign_up(settings):
    settings.ACCOUNT_ALLOW_SIGNUP = True


def test_sign_up_page(client, open_sign_up):
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Create an account"]
    assert response.content.decode().count('autocomplete="new-password"') == 2


def test_sign_up_with_mismatched_passwords_shows_field_errors(client, open_sign_up):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": "different"},
    )
    assert_error_page(response, "id_password2")
    assert not EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_with_a_weak_password_and_bad_email(client, open_sign_up):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-email", "password1": "123", "password2": "123"},
    )
    assert_error_page(response, "id_email", "id_password1")


def test_sign_up_creates_an_account(client, open_sign_up):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_is_closed_by_default_and_says_how_accounts_come(client):
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["You cannot create an account"]
    html = response.content.decode()
    assert "Accounts are given by invitation" in html
    assert reverse("joining:start") in html
    posted = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "You cannot create an account" in posted.content.decode()
    assert not EmailAddress.objects.filter(email="new.person@example.org").exists()
    login = client.get(reverse("account_login")).content.decode()
    assert reverse("account_signup") not in login
    assert "create an account" not in login
