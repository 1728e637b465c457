"""One search interface over the database's own full-text engine.

`backend()` gives the engine for the default database: SQLite FTS5 or PostgreSQL tsvector + GIN.
Both answer the same questions with the same meaning (see query.py for what a query means):

- `hits(query, selected, offset, limit)`: a page of ranked results with highlighted title and
  snippet (highlights marked with MARK_START / MARK_END, turned into <mark> by `marked_up`);
- `facet_counts(query, selected, names)`: per facet, how many results each value would give,
  counting each facet under every *other* facet's selection (values of one facet are ORed,
  facets are ANDed), from the matching ids and bitmaps of the facet table (facets.py);
- `bare_ids(query, limit)`: the ranked ids alone (what the benchmark compares a page with).

Every value reaches the database as a query parameter; the SQL text is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..facets import Counted, count
from ..ids import id_list
from ..query import SearchQuery
from ..registry import REGISTRY

__all__ = ["id_list"]

MARK_START = "\ue000"
MARK_END = "\ue001"
# Private-use stand-ins for "<" and ">" while PostgreSQL cuts headlines (its parser would take
# "<b>" in plain text for a tag and drop it; FTS5 keeps it, so both keep it).
LT, GT = "\ue002", "\ue003"
PRIVATE = str.maketrans("", "", MARK_START + MARK_END + LT + GT)
MARKS = re.compile(f"([{MARK_START}{MARK_END}])")
ELLIPSIS = "…"
SNIPPET_WORDS = 32
BROWSE_SNIPPET_CHARS = 240

RANKED, NEWEST = "ranked", "newest"  # orders of `hits`

# facet name -> the values selected (ORed); facets are ANDed. "type" is the entry's kind.
Selected = dict[str, tuple[str, ...]]


def strip_marks(text: str) -> str:
    """Text without the private-use characters the engines' highlights are made of."""
    return text.translate(PRIVATE)


def marked_up(text: str) -> SafeString:
    """Escaped text in which only the engine's highlights become <mark> elements."""
    out, open_mark = [], False
    for part in _split_marks(text):
        if part == MARK_START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif part == MARK_END and open_mark:
            out.append("</mark>")
            open_mark = False
        elif part not in (MARK_START, MARK_END):
            out.append(escape(part))
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out))


def _split_marks(text: str) -> list[str]:
    return MARKS.split(text)


@dataclass(frozen=True)
class Hit:
    id: int
    kind: str
    title: str  # with highlight marks
    url: str
    date: date | None
    snippet: str  # with highlight marks
    summary: str

    @property
    def kind_label(self) -> str:
        searchable = REGISTRY.get(self.kind)
        return str(searchable.label) if searchable else self.kind

    @property
    def title_html(self) -> SafeString:
        return marked_up(self.title)

    @property
    def snippet_html(self) -> SafeString:
        """The matching passage; the summary when the text has no match (a title-only match)."""
        if MARK_START not in self.snippet and self.summary:
            return marked_up(self.summary)
        return marked_up(self.snippet)


def _hit(row: tuple[Any, ...]) -> Hit:
    day = row[4]
    if isinstance(day, str):  # SQLite hands dates back as text
        day = date.fromisoformat(day)
    return Hit(row[0], row[1], row[2], row[3], day, row[5] or "", row[6] or "")


class SearchBackend:
    """The SQL both engines share; subclasses supply the full-text parts."""

    vendor = ""

    # --- engine-specific --------------------------------------------------------------------

    def ranked_sql(self, filters: str, order: str) -> str:
        """SQL selecting hit columns for a match, filtered, in `order`, with LIMIT/OFFSET.

        `order` is RANKED (by relevance) or NEWEST (by id, the newest first). Parameters: the
        match expression, filter parameters, limit and offset, in the order `ranked_params` puts
        them.
        """
        raise NotImplementedError

    def ranked_params(
        self, match: str, filter_params: list[Any], limit: int, offset: int, order: str
    ) -> list:
        raise NotImplementedError

    def bare_sql(self) -> str:
        raise NotImplementedError

    def ranked_filter_column(self) -> str:
        """The id column the facet filters of `ranked_sql` apply to."""
        return "e.id"

    def browse_filter_column(self) -> str:
        """The id column the facet filters of a search without words apply to."""
        return "e.id"

    def bare_params(self, match: str, limit: int) -> list[Any]:
        return [match, limit]

    def restore(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return row

    # --- shared ------------------------------------------------------------------------------

    @staticmethod
    def filter_sql(column: str, selected: Selected, skip: str = "") -> tuple[str, list[Any]]:
        """`AND column IN (entries having one of the selected values)` for each selected facet."""
        clauses, params = [], []
        for name in sorted(selected):
            values = selected[name]
            if name == skip or not values:
                continue
            marks = ", ".join(["%s"] * len(values))
            clauses.append(
                f" AND {column} IN (SELECT entry_id FROM core_searchfacet"
                f" WHERE name = %s AND value IN ({marks}))"
            )
            params += [name, *values]
        return "".join(clauses), params

    def hits(
        self,
        query: SearchQuery,
        selected: Selected,
        *,
        offset: int,
        limit: int,
        found: Counted | None = None,
        ranked_at_most: int | None = None,
    ) -> list[Hit]:
        """A page of results: ranked by relevance, or newest first when there are no words.

        `found`: the results' bitmap from `count`; the page is then read among those ids, and
        with `ranked_at_most` only that many of the newest results are ranked, the older ones
        following them, newest first (see selectors.RANKED_AT_MOST).
        """
        if query.is_empty:
            return self._browse(selected, offset=offset, limit=limit)
        if found is None:
            return self._ordered(query, selected, RANKED, offset, limit)
        total = found.found.bit_count()
        ranked = total if ranked_at_most is None else min(total, ranked_at_most)
        page: list[Hit] = []
        if offset < ranked:
            ids = found.newest(skip=0, take=ranked)
            page = self._among(query, ids, RANKED, offset, min(limit, ranked - offset))
        if offset + limit > ranked:
            ids = found.newest(skip=max(offset, ranked), take=offset + limit - max(offset, ranked))
            page += self._among(query, ids, NEWEST, 0, len(ids))
        return page

    def _among(
        self, query: SearchQuery, ids: list[int], order: str, offset: int, limit: int
    ) -> list[Hit]:
        """A page of hits among these result ids (already filtered), in `order`."""
        if not ids or limit <= 0:
            return []
        clause, params = self.among_sql(ids)
        return self._ordered(query, {}, order, offset, limit, (clause, params))

    def among_sql(self, ids: list[int]) -> tuple[str, list[Any]]:
        """The clause (ANDed to the match in `ranked_sql`) keeping only these entry ids."""
        raise NotImplementedError

    def _ordered(
        self,
        query: SearchQuery,
        selected: Selected,
        order: str,
        offset: int,
        limit: int,
        ids: tuple[str, list[Any]] = ("", []),
    ) -> list[Hit]:
        filters, filter_params = self.filter_sql(self.ranked_filter_column(), selected)
        filters, filter_params = filters + ids[0], filter_params + ids[1]
        params = self.ranked_params(query.match_expression(), filter_params, limit, offset, order)
        return self._fetch_hits(self.ranked_sql(filters, order), params)

    def _fetch_hits(self, sql: str, params: list[Any]) -> list[Hit]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [_hit(self.restore(row)) for row in rows]

    def _browse(self, selected: Selected, *, offset: int, limit: int) -> list[Hit]:
        """No words, only facets: newest first, the summary (or the start of the text) shown."""
        filters, params = self.filter_sql(self.browse_filter_column(), selected)
        newest = "ORDER BY e.date DESC NULLS LAST, e.id DESC"
        # The page's ids first (from the date index), then only their rows are read.
        sql = (
            "SELECT e.id, e.kind, e.title, e.url, e.date,"
            f" SUBSTR(e.body, 1, {BROWSE_SNIPPET_CHARS}), e.summary"
            " FROM core_searchentry e WHERE e.id IN ("
            f"SELECT e.id FROM core_searchentry e WHERE 1 = 1{filters} {newest}"
            f" LIMIT %s OFFSET %s) {newest}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            rows = cursor.fetchall()
        hits = []
        for row in rows:
            text = row[5] + (ELLIPSIS if len(row[5]) >= BROWSE_SNIPPET_CHARS else "")
            hits.append(_hit((*row[:5], text, row[6])))
        return hits

    def match_id_list_sql(self) -> str:
        """SQL giving the ids of the entries matching one parameter, as one comma-joined text."""
        raise NotImplementedError

    def facet_id_lists_sql(self) -> str:
        """SQL giving (facet, value, ids of the entries having it as one comma-joined text)."""
        raise NotImplementedError

    def match_ids(self, query: SearchQuery) -> list[int]:
        """The ids of every entry having the words (one row, however many match)."""
        with connection.cursor() as cursor:
            cursor.execute(self.match_id_list_sql(), [query.match_expression()])
            row = cursor.fetchone()
        return id_list(row[0] if row else None)

    def facet_counts(
        self,
        query: SearchQuery,
        selected: Selected,
        names: tuple[str, ...],
        *,
        index_version: int | None = None,
    ) -> list[tuple[str, str, int]]:
        """(facet, value, count) for every value of the named facets among the results.

        A facet's counts apply every selected facet but its own, so a visitor sees what adding
        another value of that facet (ORed) would give. Counted from bitmaps (see facets.py).
        """
        return self.count(query, selected, names, index_version=index_version).counts

    def count(
        self,
        query: SearchQuery,
        selected: Selected,
        names: tuple[str, ...],
        *,
        index_version: int | None = None,
    ) -> Counted:
        """`facet_counts`, with the bitmap of the results (facets.Counted)."""
        return count(self, query, selected, names, index_version=index_version)

    def bare_ids(self, query: SearchQuery, *, limit: int) -> list[int]:
        """The ranked ids alone: the database's own cost of a search."""
        with connection.cursor() as cursor:
            cursor.execute(self.bare_sql(), self.bare_params(query.match_expression(), limit))
            return [row[0] for row in cursor.fetchall()]


def backend() -> SearchBackend:
    from .postgresql import PostgresBackend
    from .sqlite import SqliteBackend

    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(
        f"Site search supports SQLite and PostgreSQL, not {connection.vendor}"
    )
