"""Keeping the search index current: after each committed save or delete, and on demand.

Every registered model's post_save / post_delete (and those of its `related` models) schedule a
refresh with `transaction.on_commit`, so a save that is rolled back never reaches the index. The
refresh reads the instance again, asks its kind for the document, and writes or removes the
entry. `refresh(instance)` does the same for services that change only many-to-many links.

Refreshes are done in batches: `refresh` notes the object in the connection's pending set, and
the first of the transaction's commit callbacks to run refreshes every pending object, 500 at a
time, with a few queries per batch (an import of 10,000 organisations is about 20 batches, not
10,000 refreshes). The later callbacks find nothing pending. A refresh reads what the database
holds, so an object noted inside a savepoint or a transaction that was rolled back is harmless:
at the next commit its entry is written again from the rows as they are.
`rebuild()` (the `rebuild_search_index` command) writes everything again, in batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save

from .backends import strip_marks
from .models import SearchEntry, SearchFacet
from .registry import (
    FACET_NAMES,
    REGISTRY,
    Searchable,
    SearchDocument,
    on_register,
    searchable_for,
)

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
MAX_FACET_VALUE = 120


# --- signals -------------------------------------------------------------------------------------


def connect_signals(searchable: Searchable) -> None:
    model, kind = searchable.model, searchable.kind
    post_save.connect(_saved, sender=model, weak=False, dispatch_uid=f"search:{kind}:save")
    post_delete.connect(_saved, sender=model, weak=False, dispatch_uid=f"search:{kind}:delete")
    for other, instances in searchable.related.items():
        handler = partial(_related_changed, instances)
        uid = f"search:{kind}:{other._meta.label_lower}"
        post_save.connect(handler, sender=other, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(handler, sender=other, weak=False, dispatch_uid=f"{uid}:delete")


def _saved(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if not kwargs.get("raw"):  # loaddata: the index is rebuilt afterwards
        refresh(instance)


def _related_changed(
    instances: Callable[[Any], Iterable[models.Model]], sender: Any, instance: Any, **kwargs: Any
) -> None:
    if kwargs.get("raw"):
        return
    for target in instances(instance):
        if target is not None:
            refresh(target)


PENDING_ATTRIBUTE = "coopnet_search_pending"


def _pending() -> dict[tuple[type[models.Model], Any], None]:
    """The objects waiting for a refresh on this thread's connection, in the order noted."""
    pending = getattr(connection, PENDING_ATTRIBUTE, None)
    if pending is None:
        pending = {}
        setattr(connection, PENDING_ATTRIBUTE, pending)
    return pending


def refresh(instance: models.Model) -> None:
    """Bring the instance's entry up to date once the current transaction commits."""
    model = type(instance)
    if searchable_for(model) is None:
        raise LookupError(f"{model._meta.label} is not registered for search")
    _pending()[(model, instance.pk)] = None
    transaction.on_commit(refresh_pending, robust=True)


def refresh_pending() -> int:
    """Refresh every pending object, in batches per model; how many were refreshed."""
    pending = _pending()
    if not pending:
        return 0
    keys = list(pending)
    pending.clear()
    by_model: dict[type[models.Model], list[Any]] = {}
    for model, pk in keys:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        for start in range(0, len(pks), BATCH_SIZE):
            batch = pks[start : start + BATCH_SIZE]
            try:
                refresh_many(model, batch)
            except Exception:
                # The change itself has committed; the entries catch up at the next change or
                # rebuild. Say so, and go on with the other batches.
                logger.exception(
                    "Search index: %d %s entries not refreshed", len(batch), model._meta.label
                )
    return len(keys)


# --- writing one entry ---------------------------------------------------------------------------


def refresh_now(model: type[models.Model], pk: Any) -> None:
    """Write or remove the entry for one object, from what the database holds now."""
    searchable = searchable_for(model)
    if searchable is None:
        return
    found = searchable.queryset()
    candidates = found if isinstance(found, models.QuerySet) else model._default_manager.all()
    instance = candidates.filter(pk=pk).first()
    document = searchable.document(instance) if instance is not None else None
    content_type = ContentType.objects.get_for_model(model)
    if document is None:
        SearchEntry.objects.filter(content_type=content_type, object_id=pk).delete()
    else:
        write_entry(
            kind=searchable.kind, content_type=content_type, object_id=pk, document=document
        )


def refresh_many(model: type[models.Model], pks: list[Any]) -> None:
    """Write or remove the entries of many objects of one model, from what the database holds
    now: a few queries for the whole batch, entry ids kept for the objects already indexed."""
    searchable = searchable_for(model)
    if searchable is None or not pks:
        return
    found = searchable.queryset()
    candidates = found if isinstance(found, models.QuerySet) else model._default_manager.all()
    documents: dict[Any, SearchDocument] = {}
    for instance in candidates.filter(pk__in=pks):
        document = searchable.document(instance)
        if document is not None:
            documents[instance.pk] = document
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        existing = {
            entry.object_id: entry
            for entry in SearchEntry.objects.filter(content_type=content_type, object_id__in=pks)
        }
        gone = [entry.pk for pk, entry in existing.items() if pk not in documents]
        kept = [entry for pk, entry in existing.items() if pk in documents]
        if gone:
            SearchFacet.objects.filter(entry_id__in=gone).delete()
            SearchEntry.objects.filter(pk__in=gone).delete()
        for entry in kept:
            for field, value in _entry_fields(searchable.kind, documents[entry.object_id]).items():
                setattr(entry, field, value)
        if kept:
            SearchEntry.objects.bulk_update(kept, ENTRY_FIELDS)
            SearchFacet.objects.filter(entry_id__in=[entry.pk for entry in kept]).delete()
            SearchFacet.objects.bulk_create(
                (
                    SearchFacet(entry=entry, name=name, value=value)
                    for entry in kept
                    for name, value in facet_values(searchable.kind, documents[entry.object_id])
                ),
                batch_size=5 * BATCH_SIZE,
            )
        new = [(pk, doc) for pk, doc in documents.items() if pk not in existing]
        if new:
            _write_batch(searchable, content_type, new)


@transaction.atomic
def write_entry(
    *, kind: str, content_type: ContentType, object_id: Any, document: SearchDocument
) -> SearchEntry:
    """Create or update one entry and its facet values."""
    entry, _created = SearchEntry.objects.update_or_create(
        content_type=content_type, object_id=object_id, defaults=_entry_fields(kind, document)
    )
    wanted = set(facet_values(kind, document))
    existing = set(entry.facets.values_list("name", "value"))
    for name, value in existing - wanted:
        entry.facets.filter(name=name, value=value).delete()
    SearchFacet.objects.bulk_create(
        SearchFacet(entry=entry, name=name, value=value) for name, value in wanted - existing
    )
    return entry


def _clean(text: str) -> str:
    return strip_marks(text or "").strip()


ENTRY_FIELDS = ["kind", "title", "summary", "body", "url", "date"]


def _entry_fields(kind: str, document: SearchDocument) -> dict[str, Any]:
    return {
        "kind": kind,
        "title": _clean(document.title)[:500],
        "summary": _clean(document.summary),
        "body": _clean(document.body),
        "url": document.url[:500],
        "date": document.date,
    }


def facet_values(kind: str, document: SearchDocument) -> Iterator[tuple[str, str]]:
    """(facet, value) pairs: the type, the document's facets, and its year when it has a date."""
    yield "type", kind
    facets = dict(document.facets)
    if "year" not in facets and document.date is not None:
        facets["year"] = [str(document.date.year)]
    for name, values in facets.items():
        if name not in FACET_NAMES or name == "type":
            raise ValueError(f"Unknown search facet {name!r} (one of {FACET_NAMES[1:]})")
        for value in dict.fromkeys(str(v)[:MAX_FACET_VALUE] for v in values if str(v)):
            yield name, value


# --- rebuilding ----------------------------------------------------------------------------------


def _instances(searchable: Searchable, batch_size: int) -> Iterable[models.Model]:
    found = searchable.queryset()
    if isinstance(found, models.QuerySet):
        return found.iterator(chunk_size=batch_size)
    return found


def _remove_kind_entries(where: str, params: list[Any]) -> None:
    """Delete entries (and their facets) in two statements, without loading them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM core_searchfacet WHERE entry_id IN"
            f" (SELECT id FROM core_searchentry WHERE {where})",
            params,
        )
        cursor.execute(f"DELETE FROM core_searchentry WHERE {where}", params)


def _write_batch(
    searchable: Searchable, content_type: ContentType, batch: list[tuple[Any, SearchDocument]]
) -> None:
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(content_type=content_type, object_id=pk, **_entry_fields(searchable.kind, doc))
        for pk, doc in batch
    )
    SearchFacet.objects.bulk_create(
        (
            SearchFacet(entry=entry, name=name, value=value)
            for entry, (_pk, doc) in zip(entries, batch, strict=True)
            for name, value in facet_values(searchable.kind, doc)
        ),
        batch_size=5 * BATCH_SIZE,
    )


def rebuild_kind(searchable: Searchable, batch_size: int = BATCH_SIZE) -> int:
    """Replace every entry of one kind, in one transaction; the number of entries written."""
    content_type = ContentType.objects.get_for_model(searchable.model)
    written = 0
    with transaction.atomic():
        _remove_kind_entries("kind = %s", [searchable.kind])
        batch: list[tuple[Any, SearchDocument]] = []
        for instance in _instances(searchable, batch_size):
            document = searchable.document(instance)
            if document is not None:
                batch.append((instance.pk, document))
            if len(batch) >= batch_size:
                _write_batch(searchable, content_type, batch)
                written += len(batch)
                batch = []
        if batch:
            _write_batch(searchable, content_type, batch)
            written += len(batch)
    return written


def rebuild(
    kinds: Iterable[str] | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Rebuild the named kinds (all by default; entries of kinds no longer registered go)."""
    chosen = list(kinds) if kinds is not None else list(REGISTRY)
    unknown = [kind for kind in chosen if kind not in REGISTRY]
    if unknown:
        raise LookupError(f"Not a searchable kind: {', '.join(unknown)}")
    if kinds is None and REGISTRY:
        marks = ", ".join(["%s"] * len(REGISTRY))
        _remove_kind_entries(f"kind NOT IN ({marks})", list(REGISTRY))
    counts = {}
    for kind in chosen:
        counts[kind] = rebuild_kind(REGISTRY[kind], batch_size)
        if progress:
            progress(kind, counts[kind])
    optimise()
    return counts


def optimise() -> None:
    """Merge the full-text index's segments after bulk writes (SQLite FTS5; PostgreSQL ANALYZE)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES ('optimize')"
            )
        elif connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("ANALYZE core_searchentry")
            cursor.execute("ANALYZE core_searchfacet")


on_register(connect_signals)  # every searchable kind keeps its index entries current
