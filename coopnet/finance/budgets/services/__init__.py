"""Writes to budgets. Each checks permission, validates, writes in one transaction and records
history (django-simple-history keeps every version of budgets, lines, assumptions and spending)."""

from .budgets import (
    assumption_add,
    assumption_remove,
    budget_create,
    budget_set_projection,
    budget_update,
)
from .importing import budget_import
from .lines import expenditure_record, line_remove, line_save

__all__ = [
    "assumption_add",
    "assumption_remove",
    "budget_create",
    "budget_import",
    "budget_set_projection",
    "budget_update",
    "expenditure_record",
    "line_remove",
    "line_save",
]
