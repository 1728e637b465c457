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


def test_sign_up_page(client):
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Create an account"]
    assert response.content.decode().count('autocomplete="new-password"') == 2


def test_sign_up_with_mismatched_passwords_shows_field_errors(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": "different"},
    )
    assert_error_page(response, "id_password2")
    assert not EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_with_a_weak_password_and_bad_email(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-email", "password1": "123", "password2": "123"},
    )
    assert_error_page(response, "id_email", "id_password1")


def test_sign_up_creates_an_account(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_closed_page(client, settings):
    settings.ACCOUNT_ALLOW_SIGNUP = False
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["You cannot create an account"]
