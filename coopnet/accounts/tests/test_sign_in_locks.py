"""An account that failed its password too often is locked for at most five minutes, even with
the right password; staff see the lock and lift it; an address's own limit is not touched."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.core.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOCKS = "/accounts/sign-in-locks/"
TOO_MANY = "Too many failed login attempts. Try again later."


def _sign_in(client, email, password, address="203.0.113.9"):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=address,
    )


def _lock(client, user):
    # Each from a different address: the per-address limit (10 a minute) is not what locks it.
    for n in range(5):
        assert _sign_in(client, user.email, "wrong password", f"198.51.100.{n}").status_code == 200


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, officer_a):
    _lock(client, officer_a)
    refused = _sign_in(client, officer_a.email, PASSWORD, "192.0.2.1")
    assert refused.status_code == 200
    assert TOO_MANY in refused.text
    assert "_auth_user_id" not in client.session


def test_staff_see_the_lock_lift_it_and_the_person_signs_in(client, officer_a, network_admin):
    _lock(client, officer_a)
    staff = client.__class__()
    staff.force_login(network_admin)
    assert LOCKS in staff.get(reverse("site:dashboard")).text
    page = staff.get(LOCKS, {"email": officer_a.email.upper()})
    assert "Locked" in page.text
    assert "5 in the last 5 minutes; the account is locked at 5" in page.text
    unlock = reverse("account_settings:unlock_sign_in", args=[officer_a.pk])
    assert unlock in page.text
    done = staff.post(unlock, follow=True)
    assert f"Sign-in unlocked for {officer_a.email}: 5 failed attempts cleared." in done.text
    assert "Can sign in" in done.text
    entry = AuditEntry.objects.get(action="account.sign_in_unlocked")
    assert entry.summary == f"Sign-in unlocked for {officer_a.email} after 5 failed attempts"
    assert _sign_in(client, officer_a.email, PASSWORD, "192.0.2.1").status_code == 302
    assert client.session["_auth_user_id"] == str(officer_a.pk)


def test_an_account_without_failures_or_without_an_account_is_said_so(client, network_admin):
    client.force_login(network_admin)
    clear = client.get(LOCKS, {"email": network_admin.email})
    assert "Can sign in" in clear.text
    assert "0 in the last 5 minutes" in clear.text
    assert "/unlock/" not in clear.text  # nothing to lift
    unknown = client.get(LOCKS, {"email": "nobody@example.org"})
    assert "There is a problem" in unknown.text
    assert "No account has this email address." in unknown.text
    again = client.post(
        reverse("account_settings:unlock_sign_in", args=[network_admin.pk]), follow=True
    )
    assert f"{network_admin.email} had no failed sign-in attempts to clear." in again.text
    assert not AuditEntry.objects.filter(action="account.sign_in_unlocked").exists()


def test_only_network_admins_see_or_lift_locks(client, officer_a, finance_officer):
    unlock = reverse("account_settings:unlock_sign_in", args=[officer_a.pk])
    anonymous = client.get(LOCKS)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    for user in (officer_a, finance_officer):
        client.force_login(user)
        assert client.get(LOCKS, {"email": officer_a.email}).status_code == 403
        assert client.post(unlock).status_code == 403
    assert not AuditEntry.objects.filter(action="account.sign_in_unlocked").exists()
