"""This app's part of the permission matrix on its own (the core matrix runs every app's)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coopnet.core.tests.matrix import ROLES
from coopnet.core.tests.test_permission_matrix import clients, outcome_of, site_url_names
from coopnet.members.tests.factories import RoleFactory

from .matrix import ENTRIES, site_context

pytestmark = pytest.mark.django_db


def test_every_elections_url_has_an_entry():
    names = {n for n in site_url_names() if n.startswith(("elections:", "api:election"))}
    assert names == set(ENTRIES)


def test_elections_matrix(org_a, org_b, role_users):
    ctx = {
        "org_a": org_a,
        "org_b": org_b,
        "role_a": RoleFactory(organisation=org_a),
        "users": role_users,
    }
    ctx.update(site_context(ctx))
    by_role = clients(role_users)
    failures = []
    for name, entry in ENTRIES.items():
        url = reverse(name, kwargs=entry.kwargs(ctx)) + entry.query
        for role in ROLES:
            got = outcome_of(getattr(by_role[role], entry.method)(url))
            if got != entry.expected[role]:
                failures.append(
                    f"{name} {url} as {role}: expected {entry.expected[role]}, got {got}"
                )
    assert not failures, "\n".join(failures)
