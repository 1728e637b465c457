"""How often the API may be called: per address for anonymous callers, per account for
signed-in callers and API tokens. Counts live in the default cache, which every app server
shares (the database cache, or Redis when REDIS_URL is set), so the limit is the limit however
many servers answer. Rates come from `API_THROTTLE_RATES` (env API_RATE_ANON, API_RATE_USER),
read on every request so a change of settings applies at once. A caller over the limit gets 429
with `Retry-After`, in the API's error shape."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


def _rate(scope: str | None) -> str | None:
    return settings.API_THROTTLE_RATES.get(scope or "")


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return _rate(self.scope)


class AccountThrottle(UserRateThrottle):
    def get_rate(self) -> str | None:
        return _rate(self.scope)
