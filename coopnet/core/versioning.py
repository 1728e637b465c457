"""The public content version: one counter that changes whenever a record public pages show does.

Remembered public pages (`coopnet.core.caching`) are keyed by it, so a page is never served
stale. The counter is bumped after the write commits:

- by a save or delete of any model an app registers with `register_public_models` (signals);
- by bulk writes (`QuerySet.update`, `bulk_create`, `bulk_update`, `delete`) on those models,
  whose querysets mix in `VersionedQuerySet`;
- by any write that reaches public pages another way, through `bump_public_version()`.

It lives in the database (the newest row of an append-only table, so writers never wait for one
another on a shared counter), so every app server and task worker sees the same version.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

_REGISTERED: list[type[models.Model]] = []
KEEP_ROWS = 100


def _record_change(using: str | None) -> int:
    from .models import PublicChange

    change = PublicChange.objects.using(using or "default").create()
    return change.pk


def _after_commit(using: str | None = None) -> None:
    # A second row once the write is visible: on PostgreSQL a transaction that took its id before
    # another committed could otherwise commit under an id already seen.
    from .models import PublicChange

    newest = _record_change(using)
    if newest % KEEP_ROWS == 0:
        PublicChange.objects.using(using or "default").filter(pk__lt=newest - KEEP_ROWS).delete()


# Set on a connection when its transaction has read the version since it last moved it on.
_READ = "coopnet_public_version_read"


def bump_public_version(using: str | None = None) -> None:
    """Move the public version on: inside the write's transaction (visible when it commits), and
    again once it has committed. A transaction writing many records (an import) moves it on once,
    unless it read the version in between (a page it rendered must not match what follows)."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _record_change(using)
        _after_commit(using)
        return
    pending = any(
        getattr(func, "func", None) is _after_commit
        for _sids, func, _robust in connection.run_on_commit
    )
    if pending and not getattr(connection, _READ, False):
        # This transaction has moved the version on already and nothing has read it since; that
        # row commits with this write. (A savepoint rolled back takes the row and the callback.)
        return
    _record_change(using)
    setattr(connection, _READ, False)
    if not pending:
        transaction.on_commit(partial(_after_commit, using), using=using)


def public_version() -> int:
    """The newest change (one indexed query). Asked by every remembered page and part, so it is
    plain SQL: the ORM would compile the same aggregate on every request."""
    from .models import PublicChange

    connection = transaction.get_connection()
    setattr(connection, _READ, True)
    table = connection.ops.quote_name(PublicChange._meta.db_table)
    column = connection.ops.quote_name(PublicChange._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({column}) FROM {table}")  # table and column names only
        row = cursor.fetchone()
    return (row[0] if row else None) or 0


def _bump_on_signal(sender: Any, **kwargs: Any) -> None:
    bump_public_version(using=kwargs.get("using"))


def register_public_models(*model_classes: type[models.Model]) -> None:
    """Records shown on remembered public pages; call from the app's `AppConfig.ready()`."""
    for model in model_classes:
        if model in _REGISTERED:
            continue
        _REGISTERED.append(model)
        uid = f"public-version:{model._meta.label}"
        post_save.connect(_bump_on_signal, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(_bump_on_signal, sender=model, dispatch_uid=uid + ":delete")


def registered_public_models() -> tuple[type[models.Model], ...]:
    return tuple(_REGISTERED)


class VersionedQuerySet(models.QuerySet):
    """Bulk writes that bypass signals still move the public version on."""

    def update(self, **kwargs: Any) -> int:
        rows = super().update(**kwargs)
        if rows:
            bump_public_version(using=self.db)
        return rows

    def delete(self) -> tuple[int, dict[str, int]]:
        result = super().delete()
        if result[0]:
            bump_public_version(using=self.db)
        return result

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Any]:
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            bump_public_version(using=self.db)
        return created

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            bump_public_version(using=self.db)
        return rows
