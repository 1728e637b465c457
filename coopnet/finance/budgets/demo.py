"""The demo budget: the statement published in the 2021/22 Review of the Year.

The 2021/22 and 2022/23 budgets are read, line by line, from the published table
(demo_data/budget-statement-2021-22.tsv: the seed's table as printed, bold marks removed) with the
same reader a CSV import uses. The 2023/24 and 2024/25 columns are not loaded: they are projected
from the assumptions the statement states (one new member a year at £3,500 to Member Fees, two new
members a year at £250 to Associate and Affiliate Fees, expenditure held flat). 2022/23 is loaded as
a budget of its own because its lines cannot be projected from 2021/22 (Member Fees rise by
£22,367, not £3,500; several expenditure lines change): docs/budgets.md.

Idempotent: budgets by year, lines by budget, kind and name, assumptions by budget, kind and line;
saved only when something differs.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy

from coopnet.demo.loader import LoadSummary, upsert

from . import layout
from .models import Budget, BudgetLine, ProjectionAssumption

SOURCE = Path(__file__).resolve().parent / "demo_data" / "budget-statement-2021-22.tsv"
STATED_YEARS = (2021, 2022)
PROJECTION_TO = 2024
# (kind, line name or None for all expenditure, count, fee, rate)
ASSUMPTIONS: list[tuple[str, str | None, int | None, Decimal | None, Decimal | None]] = [
    ("new_members", "Member Fees", 1, Decimal("3500.00"), None),
    ("new_members", "Associate and Affiliate Fees", 2, Decimal("250.00"), None),
    ("growth", None, None, None, Decimal("0.00")),
]

# Which membership categories' paid invoices are each income line's actual income.
FEE_CATEGORIES = {"Member Fees": "full", "Associate and Affiliate Fees": "associate,affiliate"}

LABELS = {
    "budgets": gettext_lazy("budgets"),
    "budget lines": gettext_lazy("budget lines"),
    "projection assumptions": gettext_lazy("projection assumptions"),
}


def _load_budget(parsed: layout.ParsedBudget, first: bool, summary: LoadSummary) -> Budget:
    values: dict[str, Any] = {
        "reserve": parsed.reserve.value,
        "opening_balance": parsed.carry_forward.value if first else None,
        "projection_to": PROJECTION_TO if first else None,
    }
    budget, outcome = upsert(Budget, {"year": parsed.year}, values)
    summary.count("budgets", outcome)
    for position, item in enumerate(parsed.lines, start=1):
        line_values = {
            "code": item.code,
            "amount": item.figure.amount,
            "to_be_confirmed": item.figure.to_be_confirmed,
            "position": position,
            "fee_categories": FEE_CATEGORIES.get(item.name, ""),
        }
        lookup = {"budget": budget, "kind": item.kind, "name": item.name}
        _line, outcome = upsert(BudgetLine, lookup, line_values)
        summary.count("budget lines", outcome)
    return budget


def _load_assumptions(budget: Budget, summary: LoadSummary) -> None:
    for kind, name, count, fee, rate in ASSUMPTIONS:
        line = budget.lines.get(name=name) if name else None
        lookup = {"budget": budget, "kind": kind, "line": line}
        _assumption, outcome = upsert(
            ProjectionAssumption, lookup, {"count": count, "fee": fee, "rate": rate}
        )
        summary.count("projection assumptions", outcome)


def load(summary: LoadSummary) -> None:
    grid = layout.read_grid(SOURCE.read_bytes())
    budgets = [
        _load_budget(layout.parse(grid, year), year == STATED_YEARS[0], summary)
        for year in STATED_YEARS
    ]
    _load_assumptions(budgets[0], summary)
