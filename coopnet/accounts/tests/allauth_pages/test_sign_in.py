"""Signing in and out."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.accounts.tests.allauth_pages.helpers import (
    DASHBOARD,
    assert_error_page,
    assert_govuk_page,
    sign_in,
)

pytestmark = pytest.mark.django_db


def test_failed_sign_in_shows_the_error_summary_and_error_title(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "not the password"}
    )
    assert response.status_code == 200
    assert_error_page(response, "id_login")
    assert "_auth_user_id" not in client.session


def test_sign_in_with_nothing_entered_shows_field_errors(client):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert_error_page(response, "id_login", "id_password")


def test_successful_sign_in_goes_to_the_dashboard(client, user):
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert int(client.session["_auth_user_id"]) == user.pk


def test_sign_out_asks_then_signs_out(client, user):
    client.force_login(user)
    response = client.get(reverse("account_logout"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Sign out"]
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_anonymous_people_are_sent_to_sign_in_for_account_pages(client):
    for name in ("mfa_index", "account_email", "account_change_password"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert "next=" in response["Location"]
