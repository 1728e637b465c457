"""Budgets for tests, made through the services (so they carry history like real ones)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from coopnet.core.actors import System
from coopnet.finance.budgets import services
from coopnet.finance.budgets.models import Budget, BudgetLine, ExpenditureEntry
from coopnet.finance.budgets.projection import AssumptionSpec

D = Decimal
# Test set-up acts as a named system job, as commands and tasks do (never `by=None`).
TESTS = System("test_setup")


def make_budget(year: int = 2021, *, lines: int = 2, opening: str | None = "1000.00") -> Budget:
    """A budget with one income line and `lines` expenditure lines (MF) and a growth assumption."""
    budget = services.budget_create(
        year=year, by=TESTS, reserve=D("100.00"), opening_balance=D(opening) if opening else None
    )
    services.line_save(budget=budget, by=TESTS, kind="income", name="Member Fees", amount=D("5000"))
    for n in range(lines):
        services.line_save(
            budget=budget,
            by=TESTS,
            kind="expenditure",
            code="MF" if n % 2 == 0 else "CM",
            name=f"Line {n + 1}",
            amount=D("100.00"),
        )
    fees = budget.lines.get(name="Member Fees")
    services.budget_set_projection(
        budget=budget,
        by=TESTS,
        projection_to=year + 2,
        assumptions=[
            AssumptionSpec(kind="new_members", line=fees, count=1, fee=D("3500")),
            AssumptionSpec(kind="growth", rate=D("0")),
        ],
    )
    return budget


def spend(line: BudgetLine, amount: str = "40.00", on: date | None = None) -> ExpenditureEntry:
    return services.expenditure_record(
        line=line,
        by=TESTS,
        spent_on=on or date(line.budget.year, 9, 1),
        amount=D(amount),
        description="Room hire",
    )
