"""The API's index and documentation pages, and its opt-out from sign-in."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, reverse

from coopnet.api import urls as api_urls
from coopnet.api.views import endpoints

pytestmark = pytest.mark.django_db


def _api_patterns(patterns) -> list[URLPattern]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _api_patterns(pattern.url_patterns)
        else:
            found.append(pattern)
    return found


def test_every_api_view_opts_out_of_sign_in():
    """The API answers 401/403 itself (DRF permissions); it never redirects to the sign-in page."""
    patterns = _api_patterns(api_urls.urlpatterns)
    assert len(patterns) >= 6
    for pattern in patterns:
        assert getattr(pattern.callback, "login_required", True) is False, pattern.name


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/schema/",
        "/api/v1/docs/",
        "/api/v1/organisations/",
        "/api/v1/memberships/",
        "/api/v1/stats/membership/",
    ],
)
def test_anonymous_visitors_are_not_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get("Location")


def test_the_index_links_every_part_of_the_api(client):
    links = client.get(reverse("api:root")).json()
    assert links == {
        "organisations": "http://testserver/api/v1/organisations/",
        "memberships": "http://testserver/api/v1/memberships/",
        "membership_stats": "http://testserver/api/v1/stats/membership/",
        "schema": "http://testserver/api/v1/schema/",
        "docs": "http://testserver/api/v1/docs/",
    }


def test_the_docs_page_lists_every_endpoint_and_its_parameters(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    for path in (
        "/api/v1/organisations/",
        "/api/v1/organisations/{slug}/",
        "/api/v1/memberships/",
        "/api/v1/stats/membership/",
    ):
        assert f"GET {path}" in html
    for parameter in ("as_of", "compare_to", "category", "active", "page_size"):
        assert f"<code>{parameter}</code>" in html
    assert 'href="/api/v1/schema/?format=json"' in html


def test_the_docs_page_loads_nothing_from_another_site(client):
    html = client.get(reverse("api:docs")).content.decode()
    assert not re.search(r"""<(script|link|img)\b[^>]*\b(src|href)=["']?(https?:)?//""", html)
    for cdn in ("cdn.", "unpkg", "jsdelivr", "swagger-ui", "redoc"):
        assert cdn not in html.lower()


def test_the_docs_page_refuses_writes(client):
    assert client.post(reverse("api:docs")).status_code == 405


def test_endpoints_flattens_an_openapi_document():
    schema = {
        "paths": {
            "/b/": {"get": {"operationId": "b_list", "responses": {"200": {}}}},
            "/a/": {
                "get": {
                    "operationId": "a_list",
                    "summary": "A list",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["x", "y"]},
                            "description": "Which kind.",
                        }
                    ],
                    "responses": {"400": {}, "200": {}},
                }
            },
        }
    }
    first, second = endpoints(schema)
    assert (first["path"], second["path"]) == ("/a/", "/b/")
    assert first["method"] == "GET"
    assert first["anchor"] == "a_list"
    assert first["responses"] == ["200", "400"]
    assert first["parameters"] == [
        {
            "name": "kind",
            "location": "query",
            "required": False,
            "type": "string",
            "choices": ["x", "y"],
            "description": "Which kind.",
        }
    ]
