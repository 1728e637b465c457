"""Reading the search index for the search page: results, facets, applied filters.

A search page costs a fixed number of queries whatever the size of the index: one for the ids
of the entries having the words (the facet counts, and the total, come from them and the facet
bitmaps of facets.py), one for the page of ranked hits, and one per facet whose values need
labels (principle, member, theme) not yet remembered in this process, and one for the public
version those labels are remembered under.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coopnet.core.caching import remember_public_each

from .backends import Hit, SearchBackend, Selected, backend
from .facets import Counted
from .query import SearchQuery, parse
from .registry import FACET_LABELS, FACET_NAMES, REGISTRY

PER_PAGE = 20
# Ranking reads every result's full text (bm25, ts_rank_cd): a word in half of 100,000 case studies
# cost 0.1 s on SQLite and 1 s on PostgreSQL (about 17 microseconds a result there). Beyond this
# many results, the newest this many are ranked and shown first, and the older ones follow, newest
# first (the page says so).
RANKED_AT_MOST = 2000
OPTIONS_SHOWN = 12  # per facet, the values with the most results (and any selected)
MAX_SELECTED = 20  # values per facet read from the URL
MAX_VALUE_CHARS = 120
LEGENDS: dict[str, Promise] = {
    "type": _("Type"),
    "principle": _("Principle"),
    "theme": _("Theme"),
    "member": _("Member"),
    "year": _("Year"),
}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: Promise
    options: list[FacetOption]


@dataclass(frozen=True)
class AppliedFilter:
    name: str
    legend: Promise
    value: str
    label: str
    remove_query: str  # the query string without this value


@dataclass
class SearchResults:
    text: str
    query: SearchQuery
    selected: Selected
    searched: bool
    total: int = 0
    ranked_newest: int = 0  # when only the newest results were ranked: how many
    page: Page | None = None
    facets: list[FacetGroup] = field(default_factory=list)
    applied: list[AppliedFilter] = field(default_factory=list)
    clear_query: str = ""


class _LazyHits:
    """What Paginator slices: each page is one ranked query, the count is known already."""

    def __init__(
        self,
        engine: SearchBackend,
        query: SearchQuery,
        selected: Selected,
        total: int,
        found: Counted,
    ):
        self.engine, self.query, self.selected, self.total = engine, query, selected, total
        self.found = found

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Hit]:
        start, stop = window.start or 0, min(window.stop or self.total, self.total)
        if stop <= start:
            return []
        return self.engine.hits(
            self.query,
            self.selected,
            offset=start,
            limit=stop - start,
            found=self.found,
            ranked_at_most=RANKED_AT_MOST,
        )


def selected_from(params: QueryDict) -> Selected:
    """The facet values in the URL (?type=case_study&principle=co-production&principle=...)."""
    selected: Selected = {}
    for name in FACET_NAMES:
        values = [v.strip()[:MAX_VALUE_CHARS] for v in params.getlist(name)]
        values = list(dict.fromkeys(v for v in values if v))[:MAX_SELECTED]
        if values:
            selected[name] = tuple(values)
    return selected


def _type_labels(values: list[str]) -> dict[str, str]:
    return {v: str(REGISTRY[v].label) for v in values if v in REGISTRY}


def _labels(wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """Labels for the facet values shown: one bounded query per facet that needs one."""
    labels: dict[tuple[str, str], str] = {}
    for name, values in wanted.items():
        if not values:
            continue
        if name == "type":
            resolved = _type_labels(sorted(values))
        elif name in FACET_LABELS:
            # Labels name public records (members, principles, themes): remembered per value.
            label = FACET_LABELS[name]
            resolved = remember_public_each(f"search-label:{name}", sorted(values), label)
        else:
            resolved = {}
        for value in values:
            labels[(name, value)] = resolved.get(value) or value
    return labels


def _order(name: str, options: list[tuple[str, int]]) -> list[tuple[str, int]]:
    if name == "year":
        return sorted(options, key=lambda o: o[0], reverse=True)
    return sorted(options, key=lambda o: (-o[1], o[0]))


def _total(counts: dict[str, dict[str, int]], selected: Selected) -> int:
    """Every entry has exactly one type, so the type counts add up to the total."""
    types = counts.get("type", {})
    chosen = selected.get("type")
    return sum(n for kind, n in types.items() if not chosen or kind in chosen)


def _facet_groups(counts: dict[str, dict[str, int]], selected: Selected) -> list[FacetGroup]:
    shown: dict[str, list[tuple[str, int]]] = {}
    for name in FACET_NAMES:
        chosen = selected.get(name, ())
        ranked = _order(name, list(counts.get(name, {}).items()))
        top = ranked[:OPTIONS_SHOWN]
        top += [(v, counts.get(name, {}).get(v, 0)) for v in chosen if v not in dict(top)]
        shown[name] = _order(name, top)
    labels = _labels({name: {v for v, _n in options} for name, options in shown.items()})
    return [
        FacetGroup(
            name=name,
            legend=LEGENDS[name],
            options=[
                FacetOption(v, labels[(name, v)], n, v in selected.get(name, ()))
                for v, n in shown[name]
            ],
        )
        for name in FACET_NAMES
        if shown[name]
    ]


def _applied(
    params: QueryDict, selected: Selected, facets: list[FacetGroup]
) -> list[AppliedFilter]:
    labels = {(g.name, o.value): o.label for g in facets for o in g.options}
    applied = []
    for name in FACET_NAMES:
        for value in selected.get(name, ()):
            without = params.copy()
            without.setlist(name, [v for v in params.getlist(name) if v.strip() != value])
            without.pop("page", None)
            applied.append(
                AppliedFilter(
                    name,
                    LEGENDS[name],
                    value,
                    labels.get((name, value), value),
                    without.urlencode(),
                )
            )
    return applied


def search(*, params: QueryDict, index_version: int | None = None) -> SearchResults:
    """The search page's results for its query string (q, page and the facets).

    `index_version`: the search index's version when the caller has just read it.
    """
    text = params.get("q", "").strip()
    query, selected = parse(text), selected_from(params)
    results = SearchResults(text=text, query=query, selected=selected, searched=False)
    if query.is_empty and not selected:
        results.searched = bool(text)  # words we cannot search for (only "the", "*"...)
        return results
    engine = backend()
    counted = engine.count(query, selected, FACET_NAMES, index_version=index_version)
    counts: dict[str, dict[str, int]] = {}
    for name, value, count in counted.counts:
        counts.setdefault(name, {})[value] = count
    total = _total(counts, selected)
    results.ranked_newest = RANKED_AT_MOST if not query.is_empty and total > RANKED_AT_MOST else 0
    hits = _LazyHits(engine, query, selected, total, counted)
    paginator: Paginator[Hit] = Paginator(hits, PER_PAGE)  # type: ignore[arg-type]
    results.searched = True
    results.total = total
    results.page = paginator.get_page(params.get("page"))
    results.facets = _facet_groups(counts, selected)
    results.applied = _applied(params, selected, results.facets)
    clear = QueryDict(mutable=True)
    if text:
        clear["q"] = text
    results.clear_query = clear.urlencode()
    return results


def search_context(params: QueryDict, index_version: int | None = None) -> dict[str, Any]:
    results = search(params=params, index_version=index_version)
    return {"results": results, "page_obj": results.page}
