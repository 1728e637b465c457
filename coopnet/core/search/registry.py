"""How a kind of content takes part in the site search.

An app registers each searchable model once, in its AppConfig.ready():

    from coopnet.core.search.registry import SearchDocument, register

    register(CaseStudy, kind="case_study", document=case_study_document, queryset=lambda: ...)

`document(instance)` returns the SearchDocument to index, or None when the instance must not be
found (a draft, a withdrawn bid, a private record). The index is kept current from the model's
saves and deletes; a service that changes only many-to-many links (principles, themes, members)
calls `coopnet.core.search.index.refresh(instance)` after it commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models


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


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    kind: str
    document: Callable[[models.Model], SearchDocument | None]
    queryset: Callable[[], Iterable[models.Model]]


REGISTRY: dict[str, Searchable] = {}


def register(
    model: type[models.Model],
    *,
    kind: str,
    document: Callable[[models.Model], SearchDocument | None],
    queryset: Callable[[], Iterable[models.Model]] | None = None,
) -> None:
    """Make `model` searchable as `kind` (one kind per model)."""
    REGISTRY[kind] = Searchable(
        model=model,
        kind=kind,
        document=document,
        queryset=queryset or (lambda: model._default_manager.all()),
    )
