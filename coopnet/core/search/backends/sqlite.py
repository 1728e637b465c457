"""SQLite FTS5: an external-content table over core_searchentry, bm25 ranking, snippet()."""

from __future__ import annotations

from typing import Any

from . import ELLIPSIS, MARK_END, MARK_START, SNIPPET_WORDS, SearchBackend

FTS = "core_searchentry_fts"
# bm25 weights per column: a word in the title counts ten times one in the text.
RANK = f"bm25({FTS}, 10.0, 4.0, 1.0)"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def match_ids_sql(self) -> str:
        return f"SELECT rowid AS id FROM {FTS} WHERE {FTS} MATCH %s"

    def ranked_sql(self, filters: str) -> str:
        # The page's ids come from the full-text index alone (bm25 needs no row of the table);
        # only those rows are read, highlighted and cut into snippets.
        page = (
            f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s{filters}"
            f" ORDER BY {RANK}, rowid DESC LIMIT %s OFFSET %s"
        )
        return (
            f"SELECT e.id, e.kind, highlight({FTS}, 0, %s, %s), e.url, e.date,"
            f" snippet({FTS}, 2, %s, %s, %s, {SNIPPET_WORDS}), e.summary"
            f" FROM {FTS} JOIN core_searchentry e ON e.id = {FTS}.rowid"
            f" WHERE {FTS} MATCH %s AND {FTS}.rowid IN ({page})"
            f" ORDER BY {RANK}, e.id DESC"
        )

    def ranked_filter_column(self) -> str:
        return "rowid"

    def ranked_params(self, match: str, filter_params: list[Any], limit: int, offset: int) -> list:
        marks = [MARK_START, MARK_END, MARK_START, MARK_END, ELLIPSIS]
        return [*marks, match, match, *filter_params, limit, offset]

    def bare_sql(self) -> str:
        return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY {RANK}, rowid DESC LIMIT %s"
