"""A cheap fingerprint of the database's state, for caches that must never be stale."""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import Model


@cache
def _history_tables(models: tuple[type[Model], ...]) -> tuple[str, ...]:
    # `model.history` builds a manager class on every access (simple-history): once is enough.
    return tuple(model.history.model._meta.db_table for model in models)  # type: ignore[attr-defined]


def latest_history_ids(*models: type[Model]) -> tuple[int, ...]:
    """The newest history id of each model (0 if none), in one query.

    Every save or delete through a model with django-simple-history records a history row, so the
    tuple changes whenever any of these records does.
    """
    tables = _history_tables(models)
    quote = connection.ops.quote_name
    selects = ", ".join(f"(SELECT MAX(history_id) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")
        row = cursor.fetchone()
    return tuple(value or 0 for value in row)
