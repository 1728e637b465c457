"""The API documentation page in Chromium, checked by axe-core."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_developer_reads_the_api_documentation(browser_page):
    bp = browser_page.visit("/")
    bp.follow("API")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "API documentation"
    bp.follow("GET /api/v1/stats/membership/")
    assert bp.page.url.endswith("#stats_membership_retrieve")
