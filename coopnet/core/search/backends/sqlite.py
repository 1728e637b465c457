"""SQLite FTS5: an external-content table over core_searchentry, bm25 ranking, snippet()."""

from __future__ import annotations

import json
from typing import Any

from . import ELLIPSIS, MARK_END, MARK_START, RANKED, SNIPPET_WORDS, SearchBackend

FTS = "core_searchentry_fts"
# bm25 weights per column: a word in the title counts ten times one in the text.
RANK = f"bm25({FTS}, 10.0, 4.0, 1.0)"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def ranked_sql(self, filters: str, order: str) -> str:
        # The page's ids come from the full-text index alone (bm25 needs no row of the table);
        # only those rows are read, highlighted and cut into snippets.
        inner, outer = (
            (f"{RANK}, rowid DESC", f"{RANK}, e.id DESC")
            if order == RANKED
            else ("rowid DESC", "e.id DESC")
        )
        page = (
            f"SELECT rowid AS id FROM {FTS} WHERE {FTS} MATCH %s{filters}"
            f" ORDER BY {inner} LIMIT %s OFFSET %s"
        )
        # The page's rows are then read in one pass over the ids between its lowest and highest:
        # looking each one up would seek through the whole word list once per row (30 ms for a
        # word in half of 100k entries).
        return (
            f"WITH page AS ({page})"
            f" SELECT e.id, e.kind, highlight({FTS}, 0, %s, %s), e.url, e.date,"
            f" snippet({FTS}, 2, %s, %s, %s, {SNIPPET_WORDS}), e.summary"
            f" FROM {FTS} JOIN core_searchentry e ON e.id = {FTS}.rowid"
            f" WHERE {FTS} MATCH %s AND {FTS}.rowid >= (SELECT MIN(id) FROM page)"
            f" AND {FTS}.rowid <= (SELECT MAX(id) FROM page)"
            f" AND +{FTS}.rowid IN (SELECT id FROM page)"
            f" ORDER BY {outer}"
        )

    def ranked_filter_column(self) -> str:
        # "+rowid", not "rowid": a bare rowid IN (...) makes FTS5 look every filtered entry up
        # and test it against the words (at 100k entries a facet turned 4 ms into 330 ms).
        return "+rowid"

    def browse_filter_column(self) -> str:
        # Walk the date index newest first and test each entry against the facets, rather than
        # read every filtered entry's row to sort them (70 ms -> 18 ms for 1,389 of 100k).
        return "+e.id"

    def among_sql(self, ids: list[int]) -> tuple[str, list[Any]]:
        # FTS5 reads the rowid range off its index; the ids themselves are tested one by one.
        return (
            " AND rowid >= %s AND rowid <= %s AND +rowid IN (SELECT value FROM json_each(%s))",
            [min(ids), max(ids), json.dumps(ids)],
        )

    def ranked_params(
        self, match: str, filter_params: list[Any], limit: int, offset: int, order: str
    ) -> list:
        marks = [MARK_START, MARK_END, MARK_START, MARK_END, ELLIPSIS]
        return [match, *filter_params, limit, offset, *marks, match]

    def match_id_list_sql(self) -> str:
        return f"SELECT group_concat(rowid) FROM {FTS} WHERE {FTS} MATCH %s"

    def facet_id_lists_sql(self) -> str:
        return (
            "SELECT name, value, group_concat(entry_id) FROM core_searchfacet GROUP BY name, value"
        )

    def bare_sql(self) -> str:
        return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY {RANK}, rowid DESC LIMIT %s"
