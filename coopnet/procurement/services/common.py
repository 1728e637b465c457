"""What every procurement write shares: who is told, and how a message is logged."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import Expression, F, Model, QuerySet
from django.utils import timezone

from coopnet.members.models import Organisation

from .. import tasks
from ..models import CallOff, CommunicationLog, SupplierApplication
from ..selectors import manager_emails


def log_message(
    *,
    kind: str,
    organisation: Organisation,
    subject: str,
    body: str,
    call_off: CallOff | None = None,
    application: SupplierApplication | None = None,
) -> CommunicationLog:
    day = timezone.localdate()
    return CommunicationLog.objects.create(
        kind=kind,
        organisation=organisation,
        call_off=call_off,
        application=application,
        subject=subject[:300],
        body=body,
        recipients=manager_emails([organisation.pk], day).get(organisation.pk, "")
        or (application.contact_email if application is not None else ""),
        logged_at=timezone.now(),
    )


def send_after_commit(logs: Iterable[CommunicationLog]) -> None:
    ids = [log.pk for log in logs]
    if ids:
        transaction.on_commit(lambda: tasks.send_communications.enqueue(log_ids=ids))


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name.removesuffix("_id"))
    column = getattr(field, "column", None)
    if not isinstance(column, str):
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return column


def insert_from_select(
    model: type[Model], source: QuerySet, columns: dict[str, Expression | F]
) -> int:
    """Write one row of `model` per row of `source` in one statement (INSERT ... SELECT), so
    that a write for 20 or 2,000 rows costs the same; `columns` maps each column to an
    expression on `source`. Returns the number of rows written."""
    names = list(columns)
    select = source.annotate(**{f"_ins_{n}": e for n, e in columns.items()}).values_list(
        *(f"_ins_{n}" for n in names)
    )
    select = select.order_by()
    sql, params = select.query.sql_with_params()
    connection = connections[source.db]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = ", ".join(quote(_column(model, n)) for n in names)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({fields}) {sql}", params)
        return cursor.rowcount
