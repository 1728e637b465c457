"""Staff invite a person at an organisation; the person sets a password and can then edit it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.models import Invitation, User
from coopnet.accounts.roles import UserRole
from coopnet.core.guard import Refused
from coopnet.members.invitations import services

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "a long and unusual passphrase"


def invite(
    client,
    network_admin,
    org,
    email="new.officer@example.org",
    role=UserRole.MEMBER_OFFICER,
    **extra,
):
    client.force_login(network_admin)
    return client.post(
        reverse("accounts:invite"),
        {
            "full_name": "New Officer",
            "email": email,
            "role": role,
            "organisation": org.pk if org else "",
            **extra,
        },
    )


def test_admin_invites_an_officer_who_accepts_and_can_edit_their_organisation(
    client, network_admin, org_a, org_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, network_admin, org_a)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    invitation = Invitation.objects.get()
    assert invitation.token in mail.outbox[0].body
    assert org_a.name in mail.outbox[0].body
    client.logout()
    accept_url = reverse("accounts:accept", args=[invitation.token])
    response = client.post(accept_url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 302
    user = User.objects.get(email="new.officer@example.org")
    assert user.emailaddress_set.get().verified  # the link proved the address
    assert user.has_role(UserRole.MEMBER_OFFICER)
    assert user.has_perm("members.edit_organisation", org_a)
    assert not user.has_perm("members.edit_organisation", org_b)
    assert client.get(reverse("members:edit", args=[org_a.slug])).status_code == 200


def test_the_email_is_sent_only_after_the_invitation_is_committed(
    client, network_admin, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invite(client, network_admin, org_a)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_an_invitation_cannot_be_used_twice(client, network_admin, org_a):
    invite(client, network_admin, org_a)
    client.logout()
    url = reverse("accounts:accept", args=[Invitation.objects.get().token])
    client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    client.logout()
    response = client.get(url)
    assert response.status_code == 410
    assert "already been used" in response.text
    assert User.objects.filter(email="new.officer@example.org").count() == 1


def test_an_expired_invitation_is_refused(client, network_admin, org_a):
    invite(client, network_admin, org_a)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    url = reverse("accounts:accept", args=[Invitation.objects.get().token])
    response = client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 410
    assert "expired" in response.text
    assert not User.objects.filter(email="new.officer@example.org").exists()


def test_weak_or_mismatched_passwords_are_refused(client, network_admin, org_a):
    invite(client, network_admin, org_a)
    client.logout()
    url = reverse("accounts:accept", args=[Invitation.objects.get().token])
    response = client.post(url, {"password1": "password", "password2": "password"})
    assert "There is a problem" in response.text
    response = client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD + "x"})
    assert "do not match" in response.text
    assert not User.objects.filter(email="new.officer@example.org").exists()


def test_an_officer_invitation_needs_an_organisation(client, network_admin):
    response = invite(client, network_admin, None)
    assert response.status_code == 200
    assert "Choose the organisation" in response.text
    assert not Invitation.objects.exists()


def test_existing_accounts_and_waiting_invitations_are_not_invited_again(
    client, network_admin, org_a, officer_a
):
    response = invite(client, network_admin, org_a, email=officer_a.email)
    assert "already has an account" in response.text
    invite(client, network_admin, org_a)
    response = invite(client, network_admin, org_a)
    assert "already waiting" in response.text
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize("who", ["officer_a", "finance_officer", "board_member", "supporter"])
def test_only_network_admins_may_invite(client, request, who, org_a):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("accounts:invite")).status_code == 403
    response = client.post(
        reverse("accounts:invite"),
        {"full_name": "X", "email": "x@example.org", "role": UserRole.NETWORK_ADMIN},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_service_refuses_a_non_admin_even_without_the_view(officer_a, org_a):
    with pytest.raises(Refused):
        services.invitation_create(
            email="x@example.org",
            full_name="X",
            role=UserRole.NETWORK_ADMIN,
            organisation=None,
            by=officer_a,
        )


def test_staff_invitation_makes_a_staff_account(client, network_admin):
    invite(
        client,
        network_admin,
        None,
        email="finance@example.org",
        role=UserRole.FINANCE_OFFICER,
        confirm="yes",
    )
    client.logout()
    url = reverse("accounts:accept", args=[Invitation.objects.get().token])
    client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert User.objects.get(email="finance@example.org").is_staff


def test_staff_without_two_step_verification_are_sent_to_set_it_up(client, settings, network_admin):
    settings.REQUIRE_STAFF_TWO_STEP = True
    client.force_login(network_admin)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    Authenticator.objects.create(user=network_admin, type=Authenticator.Type.TOTP, data={})
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_access_role_starts_at_the_least_access(client, network_admin):
    client.force_login(network_admin)
    page = client.get(reverse("accounts:invite")).content.decode()
    selected = re.search(r'<option value="([a-z_]+)"[^>]*selected', page)
    assert selected is not None
    assert selected.group(1) == UserRole.SUPPORTER
    assert '<option value="network_admin" selected' not in page


@pytest.mark.parametrize("role", [UserRole.NETWORK_ADMIN, UserRole.FINANCE_OFFICER])
def test_an_admin_or_finance_invitation_is_confirmed_on_its_own_page_first(
    client, network_admin, role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, network_admin, None, email="boss@example.org", role=role)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Give New Officer the {role.label} role?" in page
    assert "Yes, send the invitation" in page
    assert 'name="confirm" value="yes"' in page
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    # The page carries what was typed; confirming from it sends the invitation.
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    assert hidden["role"] == role
    assert hidden["email"] == "boss@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:invite"), hidden)
    assert response.status_code == 302
    assert Invitation.objects.get().role == role
    assert [m.to for m in mail.outbox] == [["boss@example.org"]]


def test_a_role_without_admin_or_finance_is_sent_without_a_confirmation(
    client, network_admin, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, network_admin, org_a)
    assert response.status_code == 302
    assert Invitation.objects.get().role == UserRole.MEMBER_OFFICER
    assert len(mail.outbox) == 1
