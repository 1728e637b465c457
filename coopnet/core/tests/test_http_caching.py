"""What a front cache (nginx, a CDN) and a browser are told: a public page's tag, a 304 for a
visitor who has it, and nothing kept by a shared cache that was meant for one person."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from coopnet.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_public_page_carries_its_tag_and_may_be_kept_if_asked_again(client, org_a):
    response = client.get(org_a.get_absolute_url())
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert "public" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    vary = response["Vary"]
    assert "Cookie" in vary
    assert "Accept-Language" in vary
    # Served from the page cache, the same tag.
    assert client.get(org_a.get_absolute_url())["ETag"] == response["ETag"]


def test_a_visitor_who_has_the_page_gets_304_without_a_render(
    client, org_a, django_assert_num_queries
):
    etag = client.get(org_a.get_absolute_url())["ETag"]
    caches["local"].clear()  # not even the page cache is read
    with django_assert_num_queries(1):  # the content version, nothing else
        response = client.get(org_a.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_change_gives_a_new_tag_and_the_new_page(client, org_a):
    etag = client.get("/members/")["ETag"]
    OrganisationFactory(name="Brand New Co-op")
    response = client.get("/members/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_each_language_has_its_own_tag(client, org_a):
    english = client.get("/")["ETag"]
    client.cookies["django_language"] = "cy"
    welsh = client.get("/", HTTP_IF_NONE_MATCH=english)
    assert welsh.status_code == 200
    assert welsh["ETag"] != english


def test_a_signed_in_page_is_private_and_never_304(client, org_a, officer_a):
    etag = client.get(org_a.get_absolute_url())["ETag"]
    client.force_login(officer_a)
    response = client.get(org_a.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "private" in response["Cache-Control"]


def test_the_search_page_has_a_tag_and_answers_304(client, org_a):
    first = client.get("/search/?q=council")
    assert first.status_code == 200
    again = client.get("/search/?q=council", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
