"""How a kind of content takes part in the site search.

An app registers each searchable model once, in its AppConfig.ready():

    from coopnet.core.search.registry import SearchDocument, register

    register(CaseStudy, kind="case_study", document=case_study_document, queryset=lambda: ...)

`document(instance)` returns the SearchDocument to index, or None when the instance must not be
found (a draft, a withdrawn bid, a private record). The index is kept current from the model's
saves and deletes; a service that changes only many-to-many links (principles, themes, members)
calls `coopnet.core.search.index.refresh(instance)` after it commits.

Optional, for richer kinds:
- `label`: what the type facet calls the kind (default: the model's verbose_name_plural);
- `related`: saves and deletes of other models that change the document, as
  `{OtherModel: lambda other: [instances to refresh]}` (the organisations provider refreshes an
  organisation when one of its memberships changes);
- `register_facet_labels(name, resolve)`: how values of a facet are shown; `resolve(values)`
  returns {value: label} for a list of values in one query (core registers "principle" and
  "member"; the knowledge app registers "theme").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from django.db import models
from django.utils.functional import Promise

FACET_NAMES = ("type", "principle", "theme", "member", "year")


@dataclass(frozen=True)
class SearchDocument:
    title: str
    body: str  # plain text: what a search matches and the snippet is cut from
    url: str
    date: date | None = None
    # facet name -> values; facet names: "principle" (slug), "theme" (slug), "member" (org slug),
    # "year" (str(yyyy)). The result's type is its kind.
    facets: dict[str, list[str]] = field(default_factory=dict)
    summary: str = ""


RelatedInstances = Callable[[Any], Iterable[models.Model]]
M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    kind: str
    document: Callable[[Any], SearchDocument | None]
    queryset: Callable[[], Iterable[models.Model]]
    label: str | Promise = ""
    related: dict[type[models.Model], RelatedInstances] = field(default_factory=dict)


REGISTRY: dict[str, Searchable] = {}
FACET_LABELS: dict[str, Callable[[list[str]], dict[str, str]]] = {}


def register(
    model: type[M],
    *,
    kind: str,
    document: Callable[[M], SearchDocument | None],
    queryset: Callable[[], Iterable[M]] | None = None,
    label: str | Promise | None = None,
    related: dict[type[models.Model], RelatedInstances] | None = None,
) -> None:
    """Make `model` searchable as `kind` (one kind per model), kept current by its signals."""
    searchable = Searchable(
        model=model,
        kind=kind,
        document=document,
        queryset=queryset or (lambda: model._default_manager.all()),
        label=label if label is not None else (model._meta.verbose_name_plural or kind),
        related=dict(related or {}),
    )
    REGISTRY[kind] = searchable
    for listener in _ON_REGISTER:
        listener(searchable)


_ON_REGISTER: list[Callable[[Searchable], None]] = []


def on_register(listener: Callable[[Searchable], None]) -> None:
    """Call `listener(searchable)` for every kind registered, before or after (the index
    connects its signals this way, so this module imports nothing of the index)."""
    _ON_REGISTER.append(listener)
    for searchable in list(REGISTRY.values()):
        listener(searchable)


def register_facet_labels(name: str, resolve: Callable[[list[str]], dict[str, str]]) -> None:
    """Show the values of facet `name` through `resolve(values) -> {value: label}`."""
    FACET_LABELS[name] = resolve


def searchable_for(model: type[models.Model]) -> Searchable | None:
    for searchable in REGISTRY.values():
        if searchable.model is model:
            return searchable
    return None
