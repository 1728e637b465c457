"""PostgreSQL: a trigger-kept tsvector column with a GIN index, ts_rank_cd, ts_headline."""

from __future__ import annotations

from typing import Any

from ..query import SearchQuery
from . import (
    ELLIPSIS,
    GT,
    LT,
    MARK_END,
    MARK_START,
    RANKED,
    SNIPPET_WORDS,
    Hit,
    SearchBackend,
)

QUERY = "websearch_to_tsquery('english', %s)"
TITLE_OPTIONS = f'HighlightAll=true, StartSel="{MARK_START}", StopSel="{MARK_END}"'
SNIPPET_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords={SNIPPET_WORDS},'
    f' MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=" {ELLIPSIS} "'
)
# The query function is written where it is used (not joined in from a subquery), so the planner
# sees a constant and takes the GIN index.
RANK = f"ts_rank_cd(e.search_vector, {QUERY})"
UNTAG = f"'<>', '{LT}{GT}'"
RETAG = str.maketrans({LT: "<", GT: ">"})


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def _among(
        self, query: SearchQuery, ids: list[int], order: str, offset: int, limit: int
    ) -> list[Hit]:
        """By id alone: with the words in the WHERE clause too, a word in much of the index makes
        the planner read every row's tsvector rather than use the GIN index (1 s at 100k)."""
        if not ids or limit <= 0:
            return []
        match = query.match_expression()
        rank = [match] if order == RANKED else []
        params: list[Any] = [TITLE_OPTIONS, SNIPPET_OPTIONS, match, *rank, ids, limit, offset]
        return self._fetch_hits(self._page_sql("e.id = ANY(%s)", order), params)

    def ranked_sql(self, filters: str, order: str) -> str:
        return self._page_sql(f"e.search_vector @@ {QUERY}{filters}", order)

    @staticmethod
    def _page_sql(where: str, order: str) -> str:
        # Rank and cut the page first; headlines (costly) only for the page's rows.
        rank = RANK if order == RANKED else "0.0"
        return (
            "SELECT page.id, page.kind,"
            f" ts_headline('english', translate(page.title, {UNTAG}), page.query, %s),"
            " page.url, page.date,"
            f" ts_headline('english', translate(page.body, {UNTAG}), page.query, %s),"
            " page.summary FROM ("
            f" SELECT e.id, e.kind, e.title, e.url, e.date, e.body, e.summary,"
            f" {QUERY} AS query, {rank} AS rank"
            f" FROM core_searchentry e WHERE {where}"
            " ORDER BY rank DESC, e.id DESC LIMIT %s OFFSET %s"
            ") page ORDER BY page.rank DESC, page.id DESC"
        )

    def ranked_params(
        self, match: str, filter_params: list[Any], limit: int, offset: int, order: str
    ) -> list:
        matches = [match, match, match] if order == RANKED else [match, match]
        return [TITLE_OPTIONS, SNIPPET_OPTIONS, *matches, *filter_params, limit, offset]

    def restore(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        id_, kind, title, url, day, snippet, summary = row
        return (id_, kind, title.translate(RETAG), url, day, snippet.translate(RETAG), summary)

    def bare_params(self, match: str, limit: int) -> list[Any]:
        return [match, match, limit]

    def match_id_list_sql(self) -> str:
        return (
            f"SELECT string_agg(id::text, ',') FROM core_searchentry WHERE search_vector @@ {QUERY}"
        )

    def facet_id_lists_sql(self) -> str:
        return (
            "SELECT name, value, string_agg(entry_id::text, ',') FROM core_searchfacet"
            " GROUP BY name, value"
        )

    def bare_sql(self) -> str:
        return (
            f"SELECT e.id FROM core_searchentry e WHERE e.search_vector @@ {QUERY}"
            f" ORDER BY {RANK} DESC, e.id DESC LIMIT %s"
        )
