"""Every page of the site, in a browser, through axe-core: none escapes the accessibility scan.

The pages come from the permission matrix (every URL, every role): each HTML page a GET answers
with 200 is visited once, as the least privileged role that may see it, with the objects the
matrix builds. Journeys through the pages are tested app by app (`test_browser.py`); this sweep
makes sure a page no journey reaches is still checked.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coopnet.core.tests.matrix import OK, ROLES
from coopnet.core.tests.test_permission_matrix import MATRIX, site_url_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Visited as the first of these that may see the page.
VISITORS = ["anonymous", "supporter", "officer_a", "board_member", "finance_officer"]
VISITORS += ["network_admin"]
assert set(VISITORS) == set(ROLES) - {"officer_b"}


def pages_for(role: str) -> list[str]:
    names = []
    for name in site_url_names():
        entry = MATRIX[name]
        if entry.method != "get":
            continue
        first = next((r for r in VISITORS if entry.expected.get(r) == OK), None)
        if first == role:
            names.append(name)
    return names


def _sign_in(bp: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    bp.page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": bp.base_url}])


@pytest.mark.parametrize("role", VISITORS)
def test_every_page_a_role_may_see_passes_axe(browser_page, matrix_context, role_users, role):
    user = role_users[role]
    client = Client()
    if user is not None:
        client.force_login(user)
        _sign_in(browser_page, user)
    visited, skipped = [], []
    for name in pages_for(role):
        entry = MATRIX[name]
        url = reverse(name, kwargs=entry.kwargs(matrix_context)) + entry.query
        response = client.get(url)
        assert response.status_code == OK, f"{name} {url} as {role}: {response.status_code}"
        if not response.get("Content-Type", "").startswith("text/html"):
            skipped.append(name)  # files and feeds: PDF, CSV, XLSX, JSON, XML
            continue
        browser_page.visit(url)
        assert browser_page.page.url.endswith(url), f"{name}: the browser ended at another page"
        visited.append(name)
    assert visited or not pages_for(role), f"no HTML page visited as {role} ({skipped})"
