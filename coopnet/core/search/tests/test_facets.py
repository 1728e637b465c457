"""Facet bitmaps: kept per index version outside transactions, never stale after a change.

Transactional tests, as a live site runs: the bitmaps are kept only for committed content.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from coopnet.core.models import Principle
from coopnet.core.search import facets
from coopnet.core.search.backends import backend
from coopnet.core.search.caching import search_index_version
from coopnet.core.search.index import write_entry
from coopnet.core.search.query import parse
from coopnet.core.search.registry import SearchDocument

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_bitmaps():
    facets.forget()
    yield
    facets.forget()


def add(object_id: int, title: str, principle: str, year: int = 2024) -> None:
    write_entry(
        kind="case_study",
        content_type=ContentType.objects.get_for_model(Principle),
        object_id=object_id,
        document=SearchDocument(
            title=title,
            body=f"{title}: residents and the council together.",
            url=f"/case/{object_id}/",
            date=date(year, 1, 1),
            facets={"principle": [principle]},
        ),
    )


def counts(text: str = "", selected: dict | None = None) -> dict[tuple[str, str], int]:
    names = ("type", "principle", "year")
    found = backend().facet_counts(parse(text), selected or {}, names)
    return {(name, value): n for name, value, n in found}


def test_bitmaps_are_kept_until_the_index_changes(django_assert_max_num_queries):
    add(1, "Solar roofs", "co-production")
    add(2, "Solar schools", "innovation", 2023)
    assert counts("solar")[("principle", "co-production")] == 1
    kept = facets.bitmaps(backend())
    assert facets.bitmaps(backend()) is kept  # no change: the same bitmaps
    with django_assert_max_num_queries(2):  # the version and the ids having the words
        assert counts("solar")[("type", "case_study")] == 2

    add(3, "Solar bus garage", "co-production")
    assert search_index_version() != kept.version
    assert counts("solar")[("principle", "co-production")] == 2
    assert facets.bitmaps(backend()) is not kept

    add(2, "Solar schools", "co-production", 2023)  # its principle changed
    assert counts("", {"principle": ("co-production",)}) == {
        ("type", "case_study"): 3,
        ("principle", "co-production"): 3,
        ("year", "2024"): 2,
        ("year", "2023"): 1,
    }


def test_a_rolled_back_change_leaves_no_bitmaps_behind():
    add(1, "Solar roofs", "co-production")
    assert counts("solar")[("type", "case_study")] == 1

    def add_then_roll_back() -> None:
        with transaction.atomic():
            add(2, "Solar schools", "innovation")
            assert counts("solar")[("type", "case_study")] == 2  # seen inside the transaction
            raise RuntimeError

    with pytest.raises(RuntimeError):
        add_then_roll_back()
    assert not connection.in_atomic_block
    add(5, "Solar farm", "social-partnership")  # reuses the version number rolled back
    after = counts("solar")
    assert after[("type", "case_study")] == 2
    assert after[("principle", "social-partnership")] == 1
    assert ("principle", "innovation") not in after  # nothing of the rolled-back entry


def test_a_facet_with_many_values_counts_a_few_results_from_their_entries(monkeypatch):
    entries = [
        ("Solar roofs", "co-production", 2021),
        ("Solar schools", "innovation", 2020),
        ("Solar bus garage", "co-production", 2021),
        ("Wind farm", "social-partnership", 2022),
        ("Food hub", "learning", 2023),
        ("Heat network", "democratic-engagement", 2024),
    ]
    for n, (title, principle, year) in enumerate(entries, start=1):
        add(n, title, principle, year)
    asked = [("solar", None), ("", {"year": ("2021",)}), ("solar", {"principle": ("innovation",)})]
    by_bitmaps = [counts(text, selected) for text, selected in asked]

    facets.forget()
    monkeypatch.setattr(facets, "MANY_VALUES", 1)  # every facet "has many values"
    assert set(facets.bitmaps(backend()).entries) == {"principle", "year"}
    listed = []
    ids_in = facets.FacetBitmaps.ids_in
    monkeypatch.setattr(
        facets.FacetBitmaps, "ids_in", lambda maps, bits: listed.append(1) or ids_in(maps, bits)
    )
    by_entries = [counts(text, selected) for text, selected in asked]

    assert listed  # counted from the results' entries, not the bitmaps
    assert by_entries == by_bitmaps
    assert by_entries[0] == {
        ("type", "case_study"): 3,
        ("principle", "co-production"): 2,
        ("principle", "innovation"): 1,
        ("year", "2021"): 2,
        ("year", "2020"): 1,
    }
    assert by_entries[2][("principle", "co-production")] == 2  # its own selection not applied
    assert by_entries[2][("type", "case_study")] == 1
