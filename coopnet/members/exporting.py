"""CSV exports of the registry, in exactly the shape the imports read (docs/importing.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from django.db.models import QuerySet

from .importing import memberships as membership_columns
from .importing import organisations as organisation_columns
from .importing.csvio import write_table
from .models import Membership, Organisation


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def _organisation_rows(queryset: QuerySet[Organisation]) -> Iterator[dict[str, Any]]:
    fields = [f for f in organisation_columns.COLUMNS if f not in ("la_code", "area_la_code")]
    rows = queryset.order_by("slug").values(*fields, "local_authority_id", "area_authority_id")
    for row in rows.iterator():
        row["la_code"] = row.pop("local_authority_id")
        row["area_la_code"] = row.pop("area_authority_id")
        yield row


def _membership_rows(queryset: QuerySet[Membership]) -> Iterator[dict[str, Any]]:
    rows = queryset.order_by(
        "organisation__slug", "person__slug", "start", "pk"
    ).values(
        "organisation__slug",
        "person__slug",
        "category__code",
        "start",
        "end",
        "end_reason",
        "source",
        "start_is_approximate",
    )
    for row in rows.iterator():
        row["organisation"] = row.pop("organisation__slug")
        row["person"] = row.pop("person__slug")
        row["category"] = row.pop("category__code")
        yield row


def write_organisations(out: Writable, queryset: QuerySet[Organisation] | None = None) -> None:
    """Write organisations (all of them unless a queryset is given) as CSV to `out`."""
    qs = Organisation.objects.all() if queryset is None else queryset
    write_table(out, organisation_columns.COLUMNS, _organisation_rows(qs))


def write_memberships(out: Writable, queryset: QuerySet[Membership] | None = None) -> None:
    """Write membership periods (all unless a queryset is given) as CSV to `out`."""
    qs = Membership.objects.all() if queryset is None else queryset
    write_table(out, membership_columns.COLUMNS, _membership_rows(qs))
