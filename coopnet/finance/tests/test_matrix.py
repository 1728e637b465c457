"""Finance's own matrix entries, as every role (the core matrix runs them too, with everyone's)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.core.tests.matrix import ROLES
from coopnet.core.tests.test_permission_matrix import clients, outcome_of

from .matrix import ENTRIES

pytestmark = pytest.mark.django_db


def test_finance_urls_as_every_role(role_users, matrix_context):
    by_role = clients(role_users)
    failures = []
    for name, entry in ENTRIES.items():
        url = reverse(name, kwargs=entry.kwargs(matrix_context)) + entry.query
        for role in ROLES:
            got = outcome_of(getattr(by_role[role], entry.method)(url))
            if got != entry.expected[role]:
                failures.append(
                    f"{name} {url} as {role}: expected {entry.expected[role]}, got {got}"
                )
    assert not failures, "\n".join(failures)
