"""Sign-in locks: reading and lifting allauth's per-account limit on failed passwords.

allauth counts failed sign-ins per address (`10/m/ip`) and per account (`5/300s/key`, the key
being the site's domain and the address typed) in the shared cache (`default`), so every app
server sees the same count. Once an account has failed five times within five minutes, even its
correct password is refused until the oldest of those failures is five minutes old: the lock never
lasts longer than that. Staff can see an account's lock and lift it (`services.unlock_sign_in`);
lifting it clears only that account's count, never an address's. A browser the account has
signed in from before is counted apart (known_devices.py), so this lock does not reach it.

This reads allauth's own cache keys (`allauth.core.internal.ratelimit`), so it agrees with what
the sign-in page enforces; its tests fail if allauth changes them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.http import HttpRequest

_APP = "allauth.account"
_ACTION = "login_failed"


@dataclass(frozen=True)
class SignInLock:
    email: str
    failures: int  # failed attempts counted now
    allowed: int  # how many the policy allows in its window
    window_seconds: int
    locked_until: datetime | None  # None: not locked

    @property
    def window_minutes(self) -> int:
        return max(1, round(self.window_seconds / 60))

    @property
    def is_locked(self) -> bool:
        return self.locked_until is not None


def _account_keys(request: HttpRequest, email: str) -> list[tuple[ratelimit.Rate, str]]:
    key = get_adapter(request)._get_login_attempts_cache_key(request, email=email)
    return [
        (rate, ratelimit.get_cache_key(request, app=_APP, action=_ACTION, rate=rate, key=key))
        for rate in ratelimit.get_rates(app=_APP, action=_ACTION)
        if rate.per == "key"
    ]


def sign_in_lock(request: HttpRequest, email: str) -> SignInLock | None:
    """The state of `email`'s per-account limit; None when the site sets no such limit."""
    email = email.strip().lower()
    now = time.time()
    for rate, cache_key in _account_keys(request, email):
        history = [at for at in cache.get(cache_key, []) if at > now - rate.duration]
        locked_until = None
        if len(history) >= rate.amount:
            # Newest first: the lock lifts when the amount-th newest failure leaves the window.
            locked_until = datetime.fromtimestamp(history[rate.amount - 1] + rate.duration, UTC)
        return SignInLock(
            email=email,
            failures=len(history),
            allowed=int(rate.amount),
            window_seconds=int(rate.duration),
            locked_until=locked_until,
        )
    return None


def clear_account_lock(request: HttpRequest, email: str) -> None:
    for _rate, cache_key in _account_keys(request, email.strip().lower()):
        cache.delete(cache_key)
