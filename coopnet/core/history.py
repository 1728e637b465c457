"""A cheap fingerprint of the database's state, for caches that must never be stale."""

from __future__ import annotations

from django.db import connection
from django.db.models import Model


def latest_history_ids(*models: type[Model]) -> tuple[int, ...]:
    """The newest history id of each model (0 if none), in one query.

    Every save or delete through a model with django-simple-history records a history row, so the
    tuple changes whenever any of these records does.
    """
    tables = [model.history.model._meta.db_table for model in models]  # type: ignore[attr-defined]
    quote = connection.ops.quote_name
    selects = ", ".join(f"(SELECT MAX(history_id) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")
        row = cursor.fetchone()
    return tuple(value or 0 for value in row)
