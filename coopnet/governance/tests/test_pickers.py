"""Without JavaScript the appointment pickers are plain selects of names, never a slug to type
(the browser test: test_browser_pickers.py)."""

from __future__ import annotations

import pytest

from coopnet.members.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_without_javascript_the_pickers_are_plain_selects(client, network_admin, eoc):
    PersonFactory(full_name="Aneurin Bevan")
    client.force_login(network_admin)
    page = client.get("/governance/eoc/appoint/").text
    assert '<select name="person"' in page
    assert "data-coopnet-autocomplete" in page
    assert ">Aneurin Bevan</option>" in page
