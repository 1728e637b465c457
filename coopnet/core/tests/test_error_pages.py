"""Error pages in the site's layout, in English and Welsh, saying what to do next."""

from __future__ import annotations

import pytest
from django.test import override_settings

from coopnet.core.tests.spine_urls import refusing_view  # noqa: F401  (urls module in use)

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_what_to_do_next_without_listing_urls(client):
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert "Page not found" in page.text
    assert 'href="/search/"' in page.text
    assert "URLconf" not in page.text


def test_a_missing_page_in_welsh(client):
    page = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="cy")
    assert page.status_code == 404
    assert 'lang="cy"' in page.text
    assert "Page not found" not in page.text


@pytest.mark.urls("coopnet.core.tests.spine_urls")
def test_a_refusal_tells_a_visitor_to_sign_in_and_a_member_why(client, django_user_model):
    from coopnet.members.tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get("/spine/refusal/")
    assert page.status_code == 403
    assert "You cannot see or do this" in page.text
    assert "operations team" in page.text


def test_the_server_error_page_needs_no_context():
    from django.template.loader import render_to_string

    with override_settings(DEBUG=False):
        html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "nothing is half-written" in html
