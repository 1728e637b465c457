"""What a typed query means, before any engine sees it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopnet.core.search.query import MAX_QUERY_CHARS, MAX_WORDS, SearchQuery, parse


def test_words_are_folded_and_stop_words_dropped():
    assert parse("The Café and the COUNCIL") == SearchQuery(words=("cafe", "council"))


def test_quoted_text_is_a_phrase():
    assert parse('energy "community wealth building"') == SearchQuery(
        words=("energy",), phrases=(("community", "wealth", "building"),)
    )


def test_hyphenated_words_are_phrases_and_stop_words_at_phrase_ends_go():
    assert parse("co-operative council's") == SearchQuery(
        words=("council",), phrases=(("co", "operative"),)
    )


def test_an_unbalanced_quote_is_ignored():
    assert parse('"community energy') == SearchQuery(words=("community", "energy"))
    assert parse('food "net zero" "care') == SearchQuery(
        words=("food", "care"), phrases=(("net", "zero"),)
    )


def test_operators_and_syntax_become_plain_words_or_nothing():
    query = parse('energy NEAR(care) AND -food OR * ^title: col:x (a) {b} "" \' ; --')
    assert query.words == ("energy", "food", "title", "b")
    assert query.phrases == (("near", "care"), ("col", "x"))
    assert query.match_expression() == '"energy" "food" "title" "b" "near care" "col x"'


def test_nothing_to_search_for():
    for text in ["", "   ", '"', '""', "***", "the and of", "-- ;", None]:
        assert parse(text).is_empty, text


def test_very_long_queries_are_cut():
    query = parse("word " * 1000)
    assert query.words == ("word",)
    query = parse(" ".join(f"w{n}" for n in range(100)))
    assert len(query.words) == MAX_WORDS
    assert len(parse("x" * 5000).words[0]) == MAX_QUERY_CHARS


@given(st.text(max_size=400))
def test_any_input_gives_a_safe_expression(text):
    expression = parse(text).match_expression()
    # Only quoted runs of letters, digits and single spaces.
    for part in expression.split('" "'):
        assert all(c.isalnum() or c in ' "' for c in part)
    assert expression.count('"') % 2 == 0
