"""Two-step verification with an authenticator app."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from coopnet.accounts.tests.allauth_pages.helpers import (
    DASHBOARD,
    PASSWORD,
    assert_error_page,
    assert_govuk_page,
    current_code,
    reauthenticate,
    sign_in,
    sign_in_with_code,
)

pytestmark = pytest.mark.django_db


def test_mfa_index_requires_sign_in(client):
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('mfa_index')}"


def test_setting_up_an_authenticator_app(client, user):
    sign_in(client, user)
    reauthenticate(client)
    response = client.get(reverse("mfa_activate_totp"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Set up an authenticator app"]
    html = response.content.decode()
    assert 'src="data:image/svg+xml' in html
    assert 'autocomplete="one-time-code"' in html
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert_error_page(response, "id_code")
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    response = client.get(reverse("mfa_index"))
    assert "govuk-summary-list" in response.content.decode()
    assert_govuk_page(client.get(reverse("mfa_view_recovery_codes")))


def test_setting_up_an_app_asks_for_the_password_again(client, user):
    sign_in(client, user)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    page = assert_govuk_page(client.get(response["Location"]))
    assert page.h1s == ["Confirm it’s you"]
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_signing_in_with_an_authenticator_app(client, mfa_user, totp_secret):
    response = sign_in(client, mfa_user)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.get(reverse("mfa_authenticate"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Two-step verification"]
    html = response.content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert_error_page(response, "id_code")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(totp_secret)})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert int(client.session["_auth_user_id"]) == mfa_user.pk


def test_turning_off_the_authenticator_app(client, mfa_user, totp_secret):
    sign_in_with_code(client, mfa_user, totp_secret)
    reauthenticate(client)
    response = client.get(reverse("mfa_deactivate_totp"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Turn off your authenticator app"]
    assert "govuk-button--warning" in response.content.decode()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=mfa_user, type=Authenticator.Type.TOTP).exists()
