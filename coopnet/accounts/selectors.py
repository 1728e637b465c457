"""Reads about accounts that other apps use."""

from __future__ import annotations

from collections.abc import Collection

from .models import User


def email_languages(addresses: Collection[str]) -> dict[str, str]:
    """The language each of these (lower-cased) addresses' account chose for its emails."""
    return dict(
        User.objects.filter(email__in=addresses, is_active=True)
        .exclude(language="")
        .values_list("email", "language")
    )


def account_with_email(email: str) -> User | None:
    return User.objects.filter(email=email.strip().lower()).first()
