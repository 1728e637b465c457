"""The same content and queries give the same results on SQLite FTS5 and PostgreSQL.

Engine-agnostic: `make test` runs these on SQLite and `make test-postgres` on PostgreSQL, and
both runs assert the same expected answers, so the engines agree.
"""

from __future__ import annotations

import pytest
from django.db import connection

from coopnet.core.search.backends import backend
from coopnet.core.search.models import SearchEntry
from coopnet.core.search.query import parse

pytestmark = pytest.mark.django_db


def found(text: str, selected: dict | None = None) -> list[str]:
    """Names of the LIBRARY entries found, in rank order."""
    names = {f"/library/{n}/": n for n in _names()}
    hits = backend().hits(parse(text), selected or {}, offset=0, limit=50)
    return [names[hit.url] for hit in hits]


def _names() -> list[str]:
    from .conftest import LIBRARY

    return list(LIBRARY)


def test_the_engine_is_the_databases_own(library):
    assert backend().vendor == connection.vendor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("solar", {"energy"}),  # a word in the text
        ("SOLAR PANELS", {"energy"}),  # case
        ("panel", {"energy"}),  # stemming: panels
        ("schooling", {"energy"}),  # stemming: schools
        ("councils", {"energy", "food", "digital", "netzero"}),  # council / councils
        ("energy community", {"energy", "netzero"}),  # words are ANDed
        ("energy care", set()),
        ('"community energy"', {"energy", "netzero"}),  # a phrase
        ('"energy community"', set()),  # word order matters in a phrase
        ('"net zero"', {"netzero"}),
        ("cafe", {"food"}),  # accents folded: café
        ("café", {"food"}),
        ("policy lab", {"digital"}),  # the summary is searched
        ("valleys", {"care"}),  # the title is searched
        ("co-operative", {"energy", "care", "netzero"}),  # "co-operative(s)" as a phrase
        ("zzzz", set()),
        ("valleycare", {"care"}),  # inside a web address and an email address
        ("rota 2023", {"care"}),  # inside a path
    ],
)
def test_matching(library, text, expected):
    assert set(found(text)) == expected


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_text(library):
    assert found("digital") == ["digital"]
    ranked = found("energy")
    assert set(ranked) == {"energy", "netzero"}
    assert ranked[0] == "energy"  # in its title; netzero has it in the text only


def test_partnership_ranks_the_title_match_first(library):
    ranked = found("partnership")
    assert set(ranked) == {"care", "food"}
    assert ranked[0] == "food"


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"""',
        'energy"',
        '"community energy',
        "energy NEAR care",
        "NEAR(energy care)",
        "energy AND care",
        "energy OR care",
        "NOT energy",
        "energy*",
        "*",
        "title:energy",
        "-energy",
        "energy' OR '1'='1",
        "'; DROP TABLE core_searchentry; --",
        "^energy",
        "energy + (care",
        "x" * 10_000,
        "energy " * 500,
        "\x00energy",
        "\ue000energy\ue001",
    ],
)
def test_hostile_input_is_only_ever_words(library, text):
    hits = backend().hits(parse(text), {}, offset=0, limit=50)
    counts = backend().facet_counts(parse(text), {}, ("type",))
    assert SearchEntry.objects.count() == len(library)  # nothing dropped
    assert sum(n for _f, _v, n in counts) == len(hits)


def test_operators_are_words_not_syntax(library):
    assert found("energy OR care") == []  # "or" is a stop word, so: energy AND care
    assert set(found("energy NOT care")) == set()  # likewise
    assert set(found("energy*")) == {"energy", "netzero"}  # no prefix operator
    assert found("near") == ["hostile"]  # NEAR is a word like any other


def test_filters_and_facet_counts(library):
    q = parse("council")
    engine = backend()
    counts = {(f, v): n for f, v, n in engine.facet_counts(q, {}, ("type", "theme", "year"))}
    assert counts == {
        ("type", "case_study"): 2,
        ("type", "publication"): 2,
        ("theme", "net-zero"): 2,
        ("theme", "food"): 1,
        ("theme", "community-wealth-building"): 1,
        ("theme", "digital-inclusion"): 1,
        ("year", "2023"): 3,
        ("year", "2022"): 1,
    }
    # Values of one facet are ORed; facets are ANDed.
    assert set(found("council", {"type": ("publication",)})) == {"digital", "netzero"}
    assert set(found("council", {"year": ("2022", "2023"), "theme": ("net-zero",)})) == {
        "energy",
        "netzero",
    }
    # A facet's own counts ignore its own selection, but apply the others'.
    selected = {"type": ("publication",), "theme": ("net-zero",)}
    counts = {(f, v): n for f, v, n in engine.facet_counts(q, selected, ("type", "theme", "year"))}
    assert counts == {
        ("type", "case_study"): 1,
        ("type", "publication"): 1,
        ("theme", "net-zero"): 1,
        ("theme", "digital-inclusion"): 1,
        ("year", "2022"): 1,
    }


def test_facet_counts_without_words(library):
    engine = backend()
    names = ("type", "principle", "member")
    counts = {(f, v): n for f, v, n in engine.facet_counts(parse(""), {}, names)}
    assert counts[("member", "old")] == 3
    assert counts[("principle", "social-partnership")] == 2
    selected = {"member": ("old",), "principle": ("social-partnership",)}
    counts = {(f, v): n for f, v, n in engine.facet_counts(parse(""), selected, names)}
    assert counts[("type", "case_study")] == 2  # energy and food: old and social partnership
    assert ("type", "publication") not in counts
    assert counts[("member", "old")] == 2  # the members under the principle: energy, food
    assert counts[("member", "kir")] == 1
    assert counts[("principle", "innovation")] == 1  # the principles of old's: digital
    assert counts[("principle", "co-production")] == 1


def _expected_counts(selected: dict, names: tuple[str, ...]) -> dict:
    """Facet counts worked out from the library itself (no words searched)."""
    from .conftest import LIBRARY

    def facets_of(entry: tuple) -> dict[str, set[str]]:
        kind, *_text, day, facets = entry
        return {"type": {kind}, "year": {str(day.year)}} | {k: set(v) for k, v in facets.items()}

    counts: dict = {}
    for entry in LIBRARY.values():
        have = facets_of(entry)
        for name in names:
            others = {k: v for k, v in selected.items() if k != name}
            if all(have.get(k, set()) & set(v) for k, v in others.items()):
                for value in have.get(name, set()):
                    counts[(name, value)] = counts.get((name, value), 0) + 1
    return counts


@pytest.mark.parametrize(
    "selected",
    [
        {"principle": ("co-production", "social-partnership")},  # energy has both: once
        {"principle": ("co-production", "social-partnership"), "member": ("old",)},
        {"theme": ("net-zero",), "year": ("2023", "2022"), "type": ("case_study",)},
    ],
)
def test_facet_counts_without_words_count_each_entry_once(library, selected):
    names = ("type", "principle", "theme", "member", "year")
    counts = {(f, v): n for f, v, n in backend().facet_counts(parse(""), selected, names)}
    assert counts == _expected_counts(selected, names)


def test_facets_alone_browse_newest_first(library):
    assert found("", {"member": ("old",)}) == ["food", "energy", "digital"]
    assert found("", {"principle": ("co-production",)}) == ["energy", "netzero"]


def test_snippets_highlight_the_match_and_escape_everything_else(library):
    (hit,) = backend().hits(parse("ampersands"), {}, offset=0, limit=5)
    assert str(hit.snippet_html).count("<mark>") == 1
    assert "<mark>ampersands</mark>" in hit.snippet_html
    assert "&lt;b&gt;markup&lt;/b&gt; &amp;" in hit.snippet_html
    (hit,) = backend().hits(parse("injected"), {}, offset=0, limit=5)
    assert str(hit.title_html) == (
        "<mark>Injected</mark> &lt;script&gt;alert(1)&lt;/script&gt; headline"
    )


def test_the_snippet_is_cut_around_the_match(library):
    (hit,) = backend().hits(parse("warm homes"), {}, offset=0, limit=5)
    assert "<mark>warm</mark>" in hit.snippet_html
    assert "<mark>homes</mark>" in hit.snippet_html


def test_title_only_match_shows_the_summary(library):
    (hit,) = backend().hits(parse("understanding"), {}, offset=0, limit=5)
    assert str(hit.snippet_html) == "A Policy Lab report on digital inclusion."


def test_pages_do_not_overlap(library):
    engine, q = backend(), parse("council")
    first = engine.hits(q, {}, offset=0, limit=2)
    second = engine.hits(q, {}, offset=2, limit=2)
    assert len(first) == len(second) == 2
    assert not {h.id for h in first} & {h.id for h in second}


def test_bare_ids_match_the_ranked_page(library):
    engine, q = backend(), parse("energy")
    assert engine.bare_ids(q, limit=10) == [h.id for h in engine.hits(q, {}, offset=0, limit=10)]


def test_beyond_the_ranking_limit_the_newest_are_ranked_and_older_ones_follow(library):
    engine, query = backend(), parse("council")
    ranked = found("council")  # every match ranked
    assert len(ranked) == 4
    counted = engine.count(query, {}, ("type",))
    by_id = sorted(ranked, key=lambda name: library[name], reverse=True)
    assert counted.newest(skip=0, take=9) == [library[n] for n in by_id]
    assert counted.newest(skip=1, take=2) == [library[n] for n in by_id[1:3]]
    names = {f"/library/{n}/": n for n in library}

    def page(offset: int, limit: int, at_most: int | None = 2) -> list[str]:
        hits = engine.hits(
            query, {}, offset=offset, limit=limit, found=counted, ranked_at_most=at_most
        )
        return [names[hit.url] for hit in hits]

    assert page(0, 50, at_most=None) == ranked
    assert page(0, 50, at_most=9) == ranked
    shown = page(0, 50)
    # The two newest, in their relevance order; then the two older ones, newest first.
    assert shown == [n for n in ranked if n in by_id[:2]] + by_id[2:]
    # Pages that start in, straddle or follow the ranked part agree with the whole.
    assert page(0, 1) + page(1, 2) + page(3, 5) == shown
    assert page(2, 1) + page(3, 1) == shown[2:]


def test_a_filtered_page_read_by_id_is_the_page_matched_again(library):
    engine, query = backend(), parse("council")
    selected = {"year": ("2022", "2023"), "theme": ("net-zero",)}
    counted = engine.count(query, selected, ("type",))
    again = engine.hits(query, selected, offset=0, limit=10)
    by_id = engine.hits(query, selected, offset=0, limit=10, found=counted)
    assert [h.url for h in by_id] == [h.url for h in again]
    assert [h.snippet for h in by_id] == [h.snippet for h in again]
    assert engine.hits(query, selected, offset=1, limit=10, found=counted) == by_id[1:]


def test_the_newest_results_bitmap_counts_the_selection(library):
    counted = backend().count(parse("council"), {"type": ("publication",)}, ("type",))
    assert counted.found.bit_count() == 2
    newest = sorted([library["digital"], library["netzero"]], reverse=True)
    assert counted.newest(skip=0, take=5) == newest
