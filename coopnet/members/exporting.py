"""CSV exports of the registry, in exactly the shape the imports read (docs/importing.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from coopnet.core.csvfiles import Writable, write_table

from .importing import budgets as budget_columns
from .importing import memberships as membership_columns
from .importing import organisations as organisation_columns
from .models import CouncilBudget, Membership, Organisation

# Where each column comes from, in column order.
ORGANISATION_SOURCES = {
    **{c: c for c in organisation_columns.COLUMNS},
    "la_code": "local_authority_id",
    "area_la_code": "area_authority_id",
}
MEMBERSHIP_SOURCES = {
    **{c: c for c in membership_columns.COLUMNS},
    "organisation": "organisation__slug",
    "person": "person__slug",
    "category": "category__code",
}


def _rows(queryset: QuerySet[Any], sources: dict[str, str]) -> Iterator[dict[str, Any]]:
    for values in queryset.values_list(*sources.values()).iterator():
        yield dict(zip(sources, values, strict=True))


def write_organisations(out: Writable, queryset: QuerySet[Organisation] | None = None) -> None:
    """Write organisations (all of them unless a queryset is given) as CSV to `out`."""
    qs = Organisation.objects.all() if queryset is None else queryset
    rows = _rows(qs.order_by("slug"), ORGANISATION_SOURCES)
    write_table(out, organisation_columns.COLUMNS, rows)


def write_memberships(out: Writable, queryset: QuerySet[Membership] | None = None) -> None:
    """Write membership periods (all unless a queryset is given) as CSV to `out`."""
    qs = Membership.objects.all() if queryset is None else queryset
    ordered = qs.order_by("organisation__slug", "person__slug", "start", "pk")
    write_table(out, membership_columns.COLUMNS, _rows(ordered, MEMBERSHIP_SOURCES))


def write_budgets(out: Writable, queryset: QuerySet[CouncilBudget] | None = None) -> None:
    """Write council budgets (all unless a queryset is given) in the layout the import reads."""
    qs = CouncilBudget.objects.all() if queryset is None else queryset
    rows = (
        {
            "la_code": b.organisation.local_authority_id or "",
            "financial_year": f"{b.financial_year}/{(b.financial_year + 1) % 100:02d}",
            "amount": f"{b.amount:.2f}",
            "source": b.source,
        }
        for b in qs.select_related("organisation").order_by(
            "organisation__local_authority_id", "financial_year"
        )
    )
    write_table(out, budget_columns.COLUMNS, rows)
