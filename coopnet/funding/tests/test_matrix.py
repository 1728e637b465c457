"""Funding's matrix entries, run on their own (the core test runs every app's together)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.core.tests.matrix import ROLES
from coopnet.core.tests.test_permission_matrix import clients, outcome_of, site_url_names

from .matrix import ENTRIES

pytestmark = pytest.mark.django_db


def test_every_funding_url_has_an_entry():
    mine = [n for n in site_url_names() if n.startswith(("funding:", "open_data:", "api:funded"))]
    assert sorted(mine) == sorted(ENTRIES)


def test_funding_matrix(role_users, matrix_context):
    by_role = clients(role_users)
    failures = []
    for name, entry in sorted(ENTRIES.items()):
        url = reverse(name, kwargs=entry.kwargs(matrix_context)) + entry.query
        for role in ROLES:
            got = outcome_of(getattr(by_role[role], entry.method)(url))
            if got != entry.expected[role]:
                failures.append(
                    f"{name} {url} as {role}: expected {entry.expected[role]}, got {got}"
                )
    assert not failures, "\n".join(failures)
