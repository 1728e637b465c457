"""Registry imports from CSV: organisations, memberships and council budgets, all or none.

The column reference is docs/importing.md. Commands (import_organisations, import_memberships)
and the back office's Import pages call the same two functions.
"""

from .base import IMPORT_PERMISSION, ImportReport, RowOutcome
from .budgets import budgets_import
from .csvio import CsvFileError, RowError
from .memberships import memberships_import
from .organisations import organisations_import

__all__ = [
    "IMPORT_PERMISSION",
    "CsvFileError",
    "ImportReport",
    "RowError",
    "RowOutcome",
    "budgets_import",
    "memberships_import",
    "organisations_import",
]
