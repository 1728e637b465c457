"""Every URL of the site and API, as every role: the expected answer to a GET.

The list of URLs comes from the URL configuration, so a URL added without an entry here fails
`test_every_url_pattern_has_an_entry`. Back-office (admin) URLs follow one rule, checked for every
one of them in `test_back_office_matrix`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from coopnet.core.tests.matrix import (
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    ROLES,
    Entry,
    admins_only,
    anonymous_only,
    app_matrix_modules,
    editors_of_a,
    everyone,
    signed_in,
)

pytestmark = pytest.mark.django_db


def _token_of(user: Any) -> Any:
    from coopnet.accounts.models import ApiToken

    return ApiToken.objects.get_or_create(
        user=user, name="Matrix", defaults={"prefix": "matrix01", "digest": "0" * 64}
    )[0]


CORE: dict[str, Entry] = {
    # core
    "site:home": Entry(everyone(OK)),
    "site:dashboard": Entry(signed_in(OK)),
    "core:accessibility": Entry(everyone(OK)),
    "core:privacy": Entry(everyone(OK)),
    "core:favicon": Entry(everyone(REDIRECT)),
    "core:health": Entry(everyone(OK)),
    "core:search": Entry(everyone(OK)),
    "set_language": Entry(everyone(REDIRECT)),  # GET changes nothing and returns to the page
    # An uploaded file under its record's rule: test_files.py walks every file field by role;
    # here, a name no record holds.
    "media": Entry(everyone(NOT_FOUND), lambda c: {"name": "funding/bids/1/guessed.pdf"}),
    # members
    "members:directory": Entry(everyone(OK)),
    "members:organisation": Entry(everyone(OK), lambda c: {"slug": c["org_a"].slug}),
    "members:edit": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "members:contacts": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "members:contact_add": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "members:contact_edit": Entry(
        editors_of_a(), lambda c: {"slug": c["org_a"].slug, "role_id": c["role_a"].pk}
    ),
    # A page that asks for confirmation; a POST without it changes nothing.
    "members:contact_end": Entry(
        editors_of_a(), lambda c: {"slug": c["org_a"].slug, "role_id": c["role_a"].pk}
    ),
    # API v1: public, read-only open data
    "api:root": Entry(everyone(OK)),
    "api:schema": Entry(everyone(OK)),
    "api:docs": Entry(everyone(OK)),
    "api:organisation-list": Entry(everyone(OK)),
    "api:organisation-detail": Entry(everyone(OK), lambda c: {"slug": c["org_a"].slug}),
    "api:membership-list": Entry(everyone(OK)),
    "api:membership-stats": Entry(everyone(OK)),
    "api:not_found": Entry(everyone(NOT_FOUND), lambda c: {"rest": "no-such-thing/"}),
    # accounts: invitations
    "accounts:invite": Entry(admins_only()),
    "accounts:accept": Entry(everyone(OK), lambda c: {"token": c["invitation"].token}),
    # accounts: a person's own settings; staff lifting sign-in locks
    "account_settings:email_language": Entry(signed_in(OK)),
    "account_settings:sign_in_locks": Entry(admins_only()),
    "account_settings:unlock_sign_in": Entry(
        {**admins_only(), "network_admin": REDIRECT},
        lambda c: {"pk": c["users"]["officer_a"].pk},
        method="post",
    ),
    # accounts: API tokens; anyone revokes their own, network admins anyone's
    "account_settings:api_tokens": Entry(signed_in(OK)),
    "account_settings:api_token_revoke": Entry(
        {**admins_only(), "officer_a": REDIRECT, "network_admin": REDIRECT},
        lambda c: {"pk": _token_of(c["users"]["officer_a"]).pk},
        method="post",
    ),
    # allauth
    "account_login": Entry(anonymous_only()),
    "account_logout": Entry({**everyone(OK), "anonymous": REDIRECT}),
    "account_inactive": Entry(everyone(OK)),
    "account_signup": Entry(anonymous_only()),
    "account_reauthenticate": Entry(signed_in(OK)),
    "account_email": Entry(signed_in(OK)),
    "account_email_verification_sent": Entry(everyone(OK)),
    "account_change_password": Entry(signed_in(OK)),
    "account_set_password": Entry(signed_in(REDIRECT)),  # they have a password: go to change it
    "account_reset_password": Entry(everyone(OK)),
    "account_reset_password_done": Entry(everyone(OK)),
    "account_confirm_login_code": Entry({**everyone(REDIRECT), "anonymous": LOGIN}),
    "account_confirm_email": Entry(everyone(OK), lambda c: {"key": "not-a-real-key"}),
    "account_reset_password_from_key": Entry(
        everyone(OK), lambda c: {"uidb36": "zz", "key": "not-a-real-key"}
    ),
    "account_reset_password_from_key_done": Entry(everyone(OK)),
    "mfa_index": Entry(signed_in(OK)),
    # Only in the middle of a sign-in.
    "mfa_authenticate": Entry({**everyone(REDIRECT), "anonymous": LOGIN}),
    "mfa_reauthenticate": Entry(signed_in(REDIRECT)),  # nothing to re-authenticate
    # Turning on TOTP asks for the password again first (a fresh sign-in).
    "mfa_activate_totp": Entry(signed_in(REDIRECT)),
    # Nothing to show or remove until an authenticator exists.
    "mfa_deactivate_totp": Entry(signed_in(NOT_FOUND)),
    "mfa_view_recovery_codes": Entry(signed_in(NOT_FOUND)),
    "mfa_generate_recovery_codes": Entry(signed_in(REDIRECT)),
    "mfa_download_recovery_codes": Entry(signed_in(NOT_FOUND)),
}


def _all_entries() -> dict[str, Entry]:
    entries = dict(CORE)
    for module in app_matrix_modules():
        for name, entry in getattr(module, "ENTRIES", {}).items():
            assert name not in entries, f"{name} is in two permission matrices"
            entries[name] = entry
    return entries


MATRIX = _all_entries()


def url_patterns(patterns: list[Any] | None = None, ns: str = "") -> Iterator[tuple[str, str]]:
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            inner = ns + (f"{p.namespace}:" if p.namespace else "")
            yield from url_patterns(p.url_patterns, inner)
        elif isinstance(p, URLPattern):
            yield ns + (p.name or f"<unnamed {p.pattern}>"), str(p.pattern)


def site_url_names() -> list[str]:
    return sorted({name for name, _ in url_patterns() if not name.startswith("admin:")})


def test_every_url_pattern_has_an_entry():
    missing = [name for name in site_url_names() if name not in MATRIX]
    stale = [name for name in MATRIX if name not in site_url_names()]
    assert not missing, f"add these URLs to the permission matrix: {missing}"
    assert not stale, f"these matrix entries name no URL: {stale}"


def outcome_of(response: Any) -> object:
    if response.status_code in (301, 302):
        location = response["Location"]
        signing_in = "/accounts/login/" in location or "/back-office/login/" in location
        return LOGIN if signing_in else REDIRECT
    return response.status_code


def clients(role_users: dict[str, Any]) -> dict[str, Client]:
    result = {}
    for role, user in role_users.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        result[role] = client
    return result


def test_site_matrix(role_users, matrix_context):
    by_role = clients(role_users)
    failures = []
    for name in site_url_names():
        entry = MATRIX[name]
        url = reverse(name, kwargs=entry.kwargs(matrix_context)) + entry.query
        for role in ROLES:
            got = outcome_of(getattr(by_role[role], entry.method)(url))
            if got != entry.expected[role]:
                failures.append(
                    f"{name} {url} as {role}: expected {entry.expected[role]}, got {got}"
                )
    assert not failures, "\n".join(failures)
