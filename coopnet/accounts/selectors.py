"""Reads about accounts that other apps use."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import ApiToken, User


def email_languages(addresses: Collection[str]) -> dict[str, str]:
    """The language each of these (lower-cased) addresses' account chose for its emails."""
    return dict(
        User.objects.filter(email__in=addresses, is_active=True)
        .exclude(language="")
        .values_list("email", "language")
    )


def account_with_email(email: str) -> User | None:
    return User.objects.filter(email=email.strip().lower()).first()


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def live_api_tokens_of_others(user: User) -> QuerySet[ApiToken]:
    """Every other account's tokens that still work (not revoked, not expired), for staff who
    may revoke them."""
    return (
        ApiToken.objects.filter(revoked_at=None)
        .filter(Q(expires_at=None) | Q(expires_at__gt=timezone.now()))
        .exclude(user=user)
        .select_related("user")
    )
