"""Erasing a person's account: what remains is a row other records may point at, naming no one.

Called by the registry's erasure of a person (`coopnet.members.privacy.services.person_erase`),
in its transaction; the caller has checked the permission and records the audit entry.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from coopnet.core.personal_data import erased_email

from .models import ApiToken, User


def account_addresses(user: User) -> set[str]:
    """Every address the account has used: its own and those allauth holds for it."""
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {
        e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    return addresses


def account_erase(*, user: User) -> None:
    """The account can no longer sign in (the unusable password also ends every session it
    has: a session carries a hash of the password), and holds no name or address."""
    user.email = erased_email(user)
    user.full_name = ""
    user.first_name = ""
    user.last_name = ""
    user.language = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    user.groups.clear()
