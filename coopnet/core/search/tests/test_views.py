"""The search page as a visitor meets it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from coopnet.core.models import Principle
from coopnet.core.search.index import write_entry
from coopnet.core.search.registry import REGISTRY, SearchDocument

pytestmark = pytest.mark.django_db
URL = reverse("core:search")


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def add_case_studies(count: int, start: int = 100) -> None:
    content_type = ContentType.objects.get_for_model(Principle)
    for n in range(start, start + count):
        write_entry(
            kind="case_study",
            content_type=content_type,
            object_id=n,
            document=SearchDocument(
                title=f"Allotment project {n}",
                body="Growing food together on council land.",
                url=f"/case/{n}/",
                date=date(2020 + n % 4, 1, 1),
                facets={
                    "principle": ["co-production"],
                    "member": [f"member-{n}"],
                    "theme": [f"theme-{n}"],
                },
            ),
        )


def test_the_empty_page_offers_the_search_box_only(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(URL)
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()
    assert "result" not in text_of(response)


def test_the_header_has_a_labelled_search_box_on_every_page(client):
    page = client.get(reverse("site:home")).content.decode()
    assert 'role="search"' in page
    assert '<label class="govuk-label govuk-visually-hidden" for="site-search">' in page
    assert f'action="{URL}"' in page


def test_ranked_results_with_highlighted_snippets(client, library):
    response = client.get(URL, {"q": "community energy"})
    page = response.content.decode()
    assert "2 results for “community energy”" in text_of(response)
    assert page.index("/library/energy/") < page.index("/library/netzero/")
    assert "<mark>Community</mark> <mark>energy</mark> co-operative" in page
    assert 'role="status"' in page
    assert "Search results for “community energy”" in page


def test_the_query_and_snippets_are_escaped(client, library):
    response = client.get(URL, {"q": "<script>alert(1)</script> injected"})
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<mark>Injected</mark>" in page
    assert re.search(r"&lt;(<mark>)?script", page)


def test_facets_with_counts_labels_and_removable_filters(client, library, org_a, org_b):
    response = client.get(URL, {"q": "council", "type": "publication", "principle": "innovation"})
    text = text_of(response)
    assert "1 result for “council”" in text
    assert "Innovation (1)" in text  # principle slug shown by its name
    assert f"{org_a.name} (1)" in text  # member slug shown by the organisation's name
    label = REGISTRY["publication"].label if "publication" in REGISTRY else "publication"
    assert f"{label} (1)" in text
    page = response.content.decode()
    assert re.search(r'value="publication"\s+checked', page)
    # Each filter can be removed on its own; the query stays.
    assert "Remove filter" in page
    assert 'href="?q=council&amp;principle=innovation"' in page
    assert 'href="?q=council&amp;type=publication"' in page
    assert f'href="{URL}?q=council">Clear all filters' in page


def test_a_renamed_label_shows_at_once(client, library, org_a):
    params = {"q": "council", "principle": "innovation"}
    assert "Innovation (1)" in text_of(client.get(URL, params))
    principle = Principle.objects.get(slug="innovation")
    principle.name = "Innovating together"
    principle.save()
    org_a.name = "Renamed Borough Council"
    org_a.save()
    text = text_of(client.get(URL, {**params, "page": 1}))
    assert "Innovating together (1)" in text
    assert "Renamed Borough Council (1)" in text
    assert "Innovation (1)" not in text


def test_facets_alone_browse(client, library):
    response = client.get(URL, {"theme": "net-zero"})
    assert "2 results" in text_of(response)


def test_so_many_results_that_only_the_newest_are_ranked_says_so(client, library, monkeypatch):
    from coopnet.core.search import selectors

    hint = "only the 2 most recent are sorted by relevance"
    assert hint not in text_of(client.get(URL, {"q": "council"}))
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", 2)
    response = client.get(URL, {"q": "council", "r": "1"})
    text = text_of(response)
    assert "4 results for “council”" in text
    assert hint in text
    shown = re.findall(r'href="/library/(\w+)/"', response.content.decode())
    assert sorted(shown) == sorted(["energy", "food", "digital", "netzero"])
    older = sorted(shown[2:], key=lambda name: library[name], reverse=True)
    assert shown[2:] == older  # after the ranked newest two: the older ones, newest first
    assert min(library[n] for n in shown[:2]) > max(library[n] for n in shown[2:])


def test_no_results_help(client, library):
    response = client.get(URL, {"q": "zebra", "type": "news"})
    text = text_of(response)
    assert "0 results for “zebra”" in text
    assert "There are no matching results" in text
    assert "check your spelling" in text
    page = response.content.decode()
    assert f'href="{URL}?q=zebra">remove the filters' in page
    assert f'href="{reverse("members:directory")}"' in page


def test_words_we_cannot_search_for_get_the_help_too(
    client, library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(URL, {"q": '"" * AND the'})
    assert "There are no matching results" in text_of(response)


def test_unknown_facet_values_and_bad_pages_are_not_errors(client, library):
    response = client.get(
        URL, {"q": "council", "year": "not-a-year", "principle": "x" * 500, "page": "zz"}
    )
    assert response.status_code == 200
    assert "0 results" in text_of(response)
    response = client.get(URL, {"q": "council", "page": "999"})
    assert response.status_code == 200


def test_pages(client):
    add_case_studies(45)
    first = client.get(URL, {"q": "allotment"})
    assert "45 results" in text_of(first)
    assert first.content.decode().count('<h3 class="govuk-heading-s') == 20
    third = client.get(URL, {"q": "allotment", "page": 3})
    assert third.content.decode().count('<h3 class="govuk-heading-s') == 5
    assert 'start="41"' in third.content.decode()
    assert 'aria-label="Page 2"' in third.content.decode()


@pytest.mark.django_db(transaction=True)  # as a site runs: the facet bitmaps are kept
@pytest.mark.parametrize("extra", [0, 60])
def test_queries_do_not_grow_with_the_index(
    client, library, org_a, extra, django_assert_max_num_queries
):
    add_case_studies(extra)
    params = {
        "q": "council food",
        "principle": "co-production",
        "member": "old",
        "type": "case_study",
    }
    # Two versions (index, public content), the ids having the words (facet counts and the
    # total come from them), hits, labels for principles, members and themes, and the public
    # version they are remembered under.
    with django_assert_max_num_queries(8):
        response = client.get(URL, params)
    assert response.status_code == 200
    # The same values again: their labels are remembered, only the version is read for them.
    with django_assert_max_num_queries(5):
        again = client.get(URL, {**params, "page": 1})
    assert again.status_code == 200
    with django_assert_max_num_queries(8):
        client.get(URL, {"q": "allotment"})
    with django_assert_max_num_queries(8):
        client.get(URL, {"q": "allotment", "page": 2})


def test_a_remembered_page_is_served_until_the_index_changes(
    client, library, django_assert_max_num_queries
):
    first = client.get(URL, {"q": "allotment"})
    assert "0 results" in text_of(first)
    with django_assert_max_num_queries(2):  # the two versions only
        assert client.get(URL, {"q": "allotment"}).content == first.content
    add_case_studies(1)
    assert "1 result for “allotment”" in text_of(client.get(URL, {"q": "allotment"}))


def test_pages_for_signed_in_people_are_not_remembered(client, library, officer_a):
    client.force_login(officer_a)
    client.get(URL, {"q": "allotment"})
    add_case_studies(1)
    assert "1 result for “allotment”" in text_of(client.get(URL, {"q": "allotment"}))


def test_welsh(client, library):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.get(URL, {"q": "energy"}, HTTP_ACCEPT_LANGUAGE="cy")
    text = text_of(response)
    assert "Chwilio" in text
    assert "2 canlyniad ar gyfer “energy”" in text
    response = client.get(URL, {"q": "zebra"}, HTTP_ACCEPT_LANGUAGE="cy")
    assert "Does dim canlyniadau" in text_of(response)


def test_each_result_shows_its_title_kind_date_and_passage(client, library):
    add_case_studies(1)
    page = client.get(URL, {"q": "allotment"}).content.decode()
    assert '<a class="govuk-link" href="/case/100/"><mark>Allotment</mark> project 100</a>' in page
    # The kind, then a space, then the date (read aloud and seen as two words).
    assert '</strong> <time datetime="2020-01-01">1 January 2020</time>' in page
    assert "Growing food together on council land." in page
