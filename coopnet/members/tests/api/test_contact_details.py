"""No email address or telephone number ever leaves through the API, for anyone."""

from __future__ import annotations

import pytest

from coopnet.members.tests.api.helpers import (
    MEMBERSHIPS,
    ORGANISATIONS,
    SECRETS,
    STATS,
    WHO,
    detail,
    sign_in,
)

pytestmark = pytest.mark.django_db

PUBLIC_READS = [
    ORGANISATIONS,
    detail("old"),
    detail("coop-futures"),
    MEMBERSHIPS,
    f"{MEMBERSHIPS}?organisation=old",
    STATS,
    f"{STATS}?compare_to=2020-01-01",
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("url", PUBLIC_READS)
def test_no_email_or_telephone_in_any_response(client, request, registry, who, url):
    sign_in(client, request, who)
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text
    assert "@" not in text
    assert '"email"' not in text
    assert '"phone"' not in text
    assert '"address"' not in text
