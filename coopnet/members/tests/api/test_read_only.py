"""The API is read-only: every write is refused, and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from coopnet.members.models import Membership, Organisation
from coopnet.members.tests.api.helpers import (
    MEMBERSHIPS,
    ORGANISATIONS,
    STATS,
    WHO,
    detail,
    sign_in,
)

pytestmark = pytest.mark.django_db

WRITES = [
    ("post", ORGANISATIONS),
    ("put", detail("old")),
    ("patch", detail("old")),
    ("delete", detail("old")),
    ("post", MEMBERSHIPS),
    ("delete", MEMBERSHIPS),
    ("post", STATS),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "url"), WRITES)
def test_writes_are_refused_and_nothing_changes(client, request, registry, who, method, url):
    sign_in(client, request, who)
    before = (Organisation.objects.count(), Membership.objects.count())
    payload = {"name": "Renamed", "slug": "old", "kind": "principal_council"}
    response = getattr(client, method)(url, payload, content_type="application/json")
    assert response.status_code == 405
    assert "POST" not in response["Allow"]
    assert "GET" in response["Allow"]
    assert (Organisation.objects.count(), Membership.objects.count()) == before
    assert Organisation.objects.get(slug="old").name == "Oldham Metropolitan Borough Council"


def test_a_signed_in_browser_without_a_csrf_token_is_refused_too(registry, network_admin):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(network_admin)
    response = browser.post(
        ORGANISATIONS, {"name": "New", "slug": "new", "kind": "political_group"}
    )
    assert response.status_code in (403, 405)
    assert not Organisation.objects.filter(slug="new").exists()
