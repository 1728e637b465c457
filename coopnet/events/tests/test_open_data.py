"""/open-data/ lists the events feed beside the other apps' files (each app registers its own)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_open_data_lists_the_icalendar_feed_and_keeps_the_others(client):
    page = client.get(reverse("open_data:index")).content.decode()
    assert 'href="/events.ics"' in page
    assert "Events (iCalendar)" in page
    # the entries that were there before stay, in their order
    assert reverse("open_data:360giving_json") in page
    assert reverse("open_data:360giving_csv") in page
    assert reverse("procurement_open_data:ocds_json") in page
    assert page.index("360Giving") < page.index("OCDS") < page.index("iCalendar")


def test_the_feed_the_index_links_to_is_served(client):
    response = client.get("/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
