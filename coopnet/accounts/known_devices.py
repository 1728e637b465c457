"""Known devices: someone else's wrong passwords never lock a person out of their own browser.

allauth locks an account after five failed passwords in five minutes (sign_in_locks.py), which
lets anyone who knows an address keep its owner out. So a browser that has signed in to an
account before (a signed cookie naming the accounts it signed in to, kept `KNOWN_DEVICE_DAYS`)
is counted apart: its own failed passwords lock it under the same policy, but the failures of
every other browser do not. A correct password from a known device is therefore refused only if
that device itself failed five times in the last five minutes, never longer.
"""

from __future__ import annotations

from typing import Any

from allauth.core.internal import ratelimit
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase

from .selectors import account_with_email

COOKIE = "coopnet_device"
SALT = "coopnet.accounts.known_devices"
MAX_ACCOUNTS = 5  # accounts one browser remembers (a shared office computer)
ACTION = "login_failed_known_device"


def _days() -> int:
    return int(getattr(settings, "KNOWN_DEVICE_DAYS", 90))


def known_accounts(request: HttpRequest) -> list[int]:
    """The accounts this browser has signed in to (empty if the cookie is missing, expired or
    has been tampered with)."""
    try:
        value = signing.loads(request.COOKIES.get(COOKIE, ""), salt=SALT, max_age=_days() * 86400)
    except signing.BadSignature:
        return []
    return [pk for pk in value if isinstance(pk, int)] if isinstance(value, list) else []


def is_known_device(request: HttpRequest, email: str) -> bool:
    account = account_with_email(email) if email else None
    return account is not None and account.pk in known_accounts(request)


def remember_device(request: HttpRequest, response: HttpResponseBase, user: Any) -> None:
    """After a successful sign-in: this browser now knows `user`'s account."""
    accounts = [pk for pk in known_accounts(request) if pk != user.pk]
    accounts = [user.pk, *accounts][:MAX_ACCOUNTS]
    response.set_cookie(
        COOKIE,
        signing.dumps(accounts, salt=SALT),
        max_age=_days() * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def consume_device_attempt(request: HttpRequest, email: str) -> Any:
    """Count a sign-in attempt against this device's own allowance for `email` (allauth's rate
    limiter, the same policy as the account's); falsy when the device has used it up."""
    device = request.COOKIES.get(COOKIE, "")[-16:]
    return ratelimit.consume(
        request, app="allauth.account", action=ACTION, key=f"{email.lower()}:{device}"
    )
