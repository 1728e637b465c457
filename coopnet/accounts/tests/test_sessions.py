"""Two-step verification for staff and board members on every page; idle sessions end; a changed
password ends the person's other sessions."""

import time

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from coopnet.accounts.middleware import LAST_SEEN_KEY

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another long and unusual passphrase"


@pytest.fixture
def two_step(settings):
    settings.REQUIRE_STAFF_TWO_STEP = True


@pytest.mark.parametrize("who", ["board_member", "finance_officer", "network_admin"])
def test_staff_and_board_are_sent_to_set_up_two_step_on_any_page(client, two_step, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for path in ["/", reverse("site:dashboard"), "/members/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp")
    # The set-up page itself stays open (allauth first asks for the password again).
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 200 or setup["Location"].startswith("/accounts/reauthenticate/")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    assert client.get(reverse("site:dashboard")).status_code == 200


def test_an_officer_is_not_asked_for_two_step(client, two_step, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("site:dashboard")).status_code == 200


def _idle_for(client: Client, seconds: int) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - seconds
    session.save()


def test_a_staff_session_idle_over_two_hours_is_ended(client, network_admin):
    client.force_login(network_admin)
    assert client.get(reverse("site:dashboard")).status_code == 200
    _idle_for(client, 2 * 3600 + 60)
    response = client.get(reverse("site:dashboard"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "session was idle" in response.content.decode()
    assert client.get(reverse("site:dashboard")).status_code == 302, "signed out, not just warned"


def test_a_member_session_lasts_longer_but_not_forever(client, officer_a):
    client.force_login(officer_a)
    client.get(reverse("site:dashboard"))
    _idle_for(client, 3 * 3600)
    assert client.get(reverse("site:dashboard")).status_code == 200
    _idle_for(client, 25 * 3600)
    assert client.get(reverse("site:dashboard")).status_code == 302


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(officer_a):
    officer_a.set_password("the first long passphrase here")
    officer_a.save()
    here, elsewhere = Client(), Client()
    here.force_login(officer_a)
    elsewhere.force_login(officer_a)
    assert elsewhere.get(reverse("site:dashboard")).status_code == 200
    response = here.post(
        reverse("account_change_password"),
        {
            "oldpassword": "the first long passphrase here",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert here.get(reverse("site:dashboard")).status_code == 200
    assert elsewhere.get(reverse("site:dashboard")).status_code == 302
