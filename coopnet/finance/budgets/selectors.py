"""Reads for budgets. Every page costs the same number of queries however many lines it shows:
the budgets, their lines and their assumptions come in three queries, and figures are computed
in Python (coopnet.finance.budgets.statement)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _

from coopnet.core.money import ZERO

from . import statement as computed
from .models import Budget, BudgetLine, ExpenditureCode, ExpenditureEntry, ProjectionAssumption


def budgets() -> QuerySet[Budget]:
    """Every budget with its lines and assumptions loaded."""
    return Budget.objects.order_by("year").prefetch_related(
        Prefetch("lines", queryset=BudgetLine.objects.order_by("position", "pk")),
        Prefetch("assumptions", queryset=ProjectionAssumption.objects.select_related("line")),
    )


def budget_for_year(year: int) -> Budget:
    """One budget with its lines and assumptions. Raises Budget.DoesNotExist."""
    return budgets().get(year=year)


def statement_for(year: int, loaded: Sequence[Budget] | None = None) -> computed.Statement:
    """The computed statement of `year`. Raises Budget.DoesNotExist."""
    everything = list(loaded if loaded is not None else budgets())
    if not any(b.year == year for b in everything):
        raise Budget.DoesNotExist
    return computed.build(everything, year)


@dataclass(frozen=True)
class BudgetSummary:
    budget: Budget
    income_total: Decimal
    expenditure_total: Decimal
    balance: Decimal
    projection_years: int


def budget_summaries() -> list[BudgetSummary]:
    """Each year's budget with its own totals (newest first)."""
    everything = list(budgets())
    result = []
    for budget in reversed(everything):
        statement = computed.build(everything, budget.year)
        first = statement.first
        result.append(
            BudgetSummary(
                budget=budget,
                income_total=first.income_total,
                expenditure_total=first.expenditure_total,
                balance=first.balance,
                projection_years=len(statement.columns) - 1,
            )
        )
    return result


def carry_forward_into(year: int) -> tuple[Decimal, bool]:
    """The carry forward a budget for `year` has: (amount, True if it is the first budget and
    states its own)."""
    everything = {b.year: b for b in budgets().filter(year__lt=year)}
    if year - 1 not in everything:
        return ZERO, True
    carry_forward, _first = computed.opening_carry_forward(everything, year - 1)
    return computed.stated_column(everything[year - 1], carry_forward, False).balance, False


# --- actuals ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActualLine:
    line: BudgetLine
    budgeted: Decimal
    actual: Decimal

    @property
    def variance(self) -> Decimal:
        """Budget left (positive) or overspent (negative)."""
        return self.budgeted - self.actual


@dataclass
class ActualGroup:
    code: str
    label: str
    lines: list[ActualLine] = field(default_factory=list)

    @property
    def budgeted(self) -> Decimal:
        return sum((line.budgeted for line in self.lines), ZERO)

    @property
    def actual(self) -> Decimal:
        return sum((line.actual for line in self.lines), ZERO)

    @property
    def variance(self) -> Decimal:
        return self.budgeted - self.actual


@dataclass(frozen=True)
class ActualIncome:
    label: str
    budgeted: Decimal
    received: Decimal

    @property
    def variance(self) -> Decimal:
        """Received above (positive) or below (negative) the budget."""
        return self.received - self.budgeted


@dataclass
class Actuals:
    budget: Budget
    income: list[ActualIncome]
    groups: list[ActualGroup]

    @property
    def income_budgeted(self) -> Decimal:
        return sum((i.budgeted for i in self.income), ZERO)

    @property
    def income_received(self) -> Decimal:
        return sum((i.received for i in self.income), ZERO)

    @property
    def income_variance(self) -> Decimal:
        return self.income_received - self.income_budgeted

    @property
    def expenditure_budgeted(self) -> Decimal:
        return sum((g.budgeted for g in self.groups), ZERO)

    @property
    def expenditure_actual(self) -> Decimal:
        return sum((g.actual for g in self.groups), ZERO)

    @property
    def expenditure_variance(self) -> Decimal:
        return self.expenditure_budgeted - self.expenditure_actual


def income_received(year: int) -> dict[str, Decimal]:
    """Money received against the year's invoices, by membership category (the finance app's)."""
    from coopnet.finance import selectors as finance_selectors

    return finance_selectors.income_received(year)


def _income_actuals(budget: Budget, received: dict[str, Decimal]) -> list[ActualIncome]:
    """Each income line against the paid invoices of its categories; fees of categories no line
    names are shown on a line of their own, so nothing received is left out."""
    rows, claimed = [], set()
    for line in budget.lines.all():
        if line.kind != BudgetLine.Kind.INCOME:
            continue
        codes = [c for c in line.category_codes if c not in claimed]
        claimed.update(codes)
        got = sum((received.get(code, ZERO) for code in codes), ZERO)
        rows.append(ActualIncome(line.name, line.amount or ZERO, got))
    other = sum((v for code, v in received.items() if code not in claimed), ZERO)
    if other:
        rows.append(ActualIncome(str(_("Other fees received")), ZERO, other))
    return rows


def actuals_for(year: int) -> Actuals:
    """Budget against actual for one year: each income line against the invoices paid for the
    year in its membership categories (the carry forward is not income of the year), and each
    expenditure line against the spending entered for it. Raises Budget.DoesNotExist."""
    budget = budget_for_year(year)
    spent = dict(
        ExpenditureEntry.objects.filter(line__budget=budget)
        .values("line")
        .annotate(total=Sum("amount"))
        .values_list("line", "total")
    )
    groups = {code: ActualGroup(code, str(label)) for code, label in ExpenditureCode.choices}
    for line in budget.lines.all():
        if line.kind == BudgetLine.Kind.EXPENDITURE:
            groups[line.code].lines.append(
                ActualLine(line, line.amount or ZERO, spent.get(line.pk) or ZERO)
            )
    return Actuals(
        budget=budget,
        income=_income_actuals(budget, income_received(year)),
        groups=list(groups.values()),
    )


def spending_for(budget: Budget) -> QuerySet[ExpenditureEntry]:
    return (
        ExpenditureEntry.objects.filter(line__budget=budget)
        .select_related("line")
        .order_by("-spent_on", "-pk")
    )
