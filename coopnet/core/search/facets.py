"""Facet counts from bitmaps of the facet table, kept in each process per version of the index.

Counting a search's facets in SQL reads one facet row per matching entry and value: at 100,000
case studies a word in half of them meant 400,000 rows grouped (250 ms on SQLite, 850 ms on
PostgreSQL), whatever was shown. Here each facet value is a bitmap of the entries having it (a
Python int, one bit per entry id counted from the lowest), built once per version of the search
index: the counter the database's own triggers move on at every change to an entry (migration
core/0006). A search then asks the database only for the ids of the entries having its words
(one row), and each count is an AND and a popcount. A facet with many values (the member an
entry concerns: one per organisation) also keeps each entry's values, and a search with fewer
results than the facet has values counts those results' values instead of ANDing every bitmap.

Facet rows change only with their entry (`index.write_entry`, `index.rebuild`), so the version
covers them. Inside a transaction the bitmaps are built afresh and not kept: a version seen there
may be rolled back and the number reused for other content.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import connection

from .caching import search_index_version
from .ids import id_list
from .query import SearchQuery

if TYPE_CHECKING:
    from .backends import SearchBackend, Selected


@dataclass(frozen=True)
class FacetBitmaps:
    version: int
    low: int  # the lowest entry id: bit 0
    width: int  # bits per bitmap (highest id - lowest id + 1)
    values: dict[str, dict[str, int]]  # facet -> value -> bitmap of the entries having it
    # facet -> entry id -> its values, for facets with more than MANY_VALUES values (members):
    # a search matching fewer entries than the facet has values counts from its entries instead
    entries: dict[str, dict[int, tuple[str, ...]]] = field(default_factory=dict)

    def ids_in(self, bitmap: int) -> list[int]:
        """The entry ids of a bitmap's set bits, lowest first."""
        data = bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little")
        ids: list[int] = []
        for index, byte in enumerate(data):
            while byte:
                bit = (byte & -byte).bit_length() - 1
                ids.append(self.low + index * 8 + bit)
                byte &= byte - 1
        return ids

    def of(self, ids: list[int]) -> int:
        """The bitmap of these entry ids (ids outside the bitmaps' range are left out)."""
        buffer = bytearray((self.width >> 3) + 1)
        low, width = self.low, self.width
        for entry_id in ids:
            bit = entry_id - low
            if 0 <= bit < width:
                buffer[bit >> 3] |= 1 << (bit & 7)
        return int.from_bytes(buffer, "little")


_kept: dict[str, FacetBitmaps] = {}  # by database alias
MANY_VALUES = 64
_lock = threading.Lock()


def build(engine: SearchBackend, version: int) -> FacetBitmaps:
    """Read the whole facet table (one row per facet value) into bitmaps.

    Every entry has a type facet, so the facet rows name every entry id.
    """
    with connection.cursor() as cursor:
        cursor.execute(engine.facet_id_lists_sql())
        rows = [(name, value, id_list(ids)) for name, value, ids in cursor.fetchall()]
    low = min((min(ids) for *_names, ids in rows if ids), default=0)
    high = max((max(ids) for *_names, ids in rows if ids), default=low - 1)
    empty = FacetBitmaps(version, low, high - low + 1, {})
    values: dict[str, dict[str, int]] = {}
    for name, value, ids in rows:
        values.setdefault(name, {})[value] = empty.of(ids)
    listed: dict[str, dict[int, list[str]]] = {
        name: {} for name, of_name in values.items() if len(of_name) > MANY_VALUES
    }
    for name, value, ids in rows:
        if name in listed:
            for entry_id in ids:
                listed[name].setdefault(entry_id, []).append(value)
    entries = {
        name: {entry_id: tuple(vs) for entry_id, vs in by_id.items()}
        for name, by_id in listed.items()
    }
    return FacetBitmaps(version, low, empty.width, values, entries)


def bitmaps(engine: SearchBackend, index_version: int | None = None) -> FacetBitmaps:
    """The bitmaps for the index as this connection sees it now.

    `index_version` saves a query when the caller has just read it (the page cache has).
    """
    if connection.in_atomic_block:
        return build(engine, -1)
    version = search_index_version() if index_version is None else index_version
    kept = _kept.get(connection.alias)
    if kept is None or kept.version != version:
        with _lock:  # one build per process, not one per thread
            kept = _kept.get(connection.alias)
            if kept is None or kept.version != version:
                # Read after the version: content newer than its version only costs a rebuild.
                kept = _kept[connection.alias] = build(engine, version)
    return kept


def forget() -> None:
    """Drop the kept bitmaps (tests; the next search builds them again)."""
    _kept.clear()


@dataclass(frozen=True)
class Counted:
    """A search's facet counts, and which entries it found."""

    counts: list[tuple[str, str, int]]  # (facet, value, count), counts above nought
    found: int  # bitmap of the results: the words and every selection
    low: int  # the entry id of bit 0

    def newest(self, *, skip: int, take: int) -> list[int]:
        """The ids of the results, newest first, after the `skip` newest: `take` of them."""
        data = self.found.to_bytes((self.found.bit_length() + 7) // 8, "little")
        ids: list[int] = []
        for index in range(len(data) - 1, -1, -1):  # from the highest ids down
            byte = data[index]
            if not byte:
                continue
            if byte.bit_count() <= skip:
                skip -= byte.bit_count()
                continue
            for bit in range(7, -1, -1):
                if byte >> bit & 1:
                    if skip:
                        skip -= 1
                    else:
                        ids.append(self.low + index * 8 + bit)
                        if len(ids) == take:
                            return ids
        return ids


def count(
    engine: SearchBackend,
    query: SearchQuery,
    selected: Selected,
    names: tuple[str, ...],
    *,
    index_version: int | None = None,
) -> Counted:
    """The counts of every value of the named facets among a search's results.

    The values of one facet are ORed and facets ANDed; a facet's own counts apply every selected
    facet but its own. Without words, every entry is a match.
    """
    maps = bitmaps(engine, index_version)
    everything = (1 << maps.width) - 1
    matches = everything if query.is_empty else maps.of(engine.match_ids(query))
    chosen: dict[str, int] = {}
    for name, wanted in selected.items():
        have = maps.values.get(name, {})
        bits = 0
        for value in wanted:
            bits |= have.get(value, 0)
        chosen[name] = bits
    counts: list[tuple[str, str, int]] = []
    for name in names:
        within = matches
        for other, bits in chosen.items():
            if other != name:
                within &= bits
        values = maps.values.get(name, {})
        by_entry = maps.entries.get(name)
        if by_entry is not None and within.bit_count() < len(values):
            # fewer results than values (a word among 12,000 members): count the results' values
            tally = Counter(
                v for entry_id in maps.ids_in(within) for v in by_entry.get(entry_id, ())
            )
            counts.extend((name, value, n) for value, n in tally.items())
            continue
        for value, bits in values.items():
            n = (bits & within).bit_count()
            if n:
                counts.append((name, value, n))
    found = matches
    for bits in chosen.values():
        found &= bits
    return Counted(counts, found, maps.low)
