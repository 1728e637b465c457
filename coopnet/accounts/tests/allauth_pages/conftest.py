"""Fixtures shared by the allauth page tests: a fresh cache, and users to sign in as."""

from __future__ import annotations

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache

from coopnet.accounts.models import User
from coopnet.accounts.tests.allauth_pages.helpers import make_user


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # allauth remembers used TOTP codes and rate limits in the cache.
    cache.clear()
    # A code made at the very end of a 30-second step still works a moment later.
    settings.MFA_TOTP_TOLERANCE = 1
    yield
    cache.clear()


@pytest.fixture
def user(db) -> User:
    return make_user()


@pytest.fixture
def totp_secret() -> str:
    return generate_totp_secret()


@pytest.fixture
def mfa_user(db, totp_secret) -> User:
    """Someone who has set up an authenticator app (and so has recovery codes)."""
    user = make_user()
    TOTP.activate(user, totp_secret)
    RecoveryCodes.activate(user)
    return user
