"""The budget statement, computed: totals, carry forward, balance and projected years.

Input is stated budgets (with their lines and assumptions loaded); output is a `Statement` whose
`rows` are laid out as the published statement lays them out, one figure per year column. The web
page, the PDF, the CSV and XLSX exports and the API all show these rows, so their figures agree.

Rules (the published 2021/22 statement follows them; docs/budgets.md explains them):
- total income = the income lines + the carry forward;
- expenditure sub-total = every expenditure line (six headings, MF to LD);
- balance = total income - expenditure sub-total. The reserve is held within the balance and is
  not deducted from it;
- carry forward = the previous year's balance; the first budget recorded states its own;
- a projected year starts from the year before it: each line keeps its figure, grows by its growth
  rate if it has one (or by the all-expenditure rate), then adds the new members' fees
  (count x fee); the reserve is held flat. A later year with a stated budget of its own is shown
  as stated, and the projection goes on from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coopnet.core.membership_year import year_label
from coopnet.core.money import PENNY, ZERO, format_money

from .models import Budget, BudgetLine, ExpenditureCode, ProjectionAssumption
from .money import Figure

Key = tuple[str, str, str]  # (kind, code, name): the same line in every year
INCOME, CARRY_FORWARD, EXPENDITURE = (
    BudgetLine.Kind.INCOME.value,
    BudgetLine.Kind.CARRY_FORWARD.value,
    BudgetLine.Kind.EXPENDITURE.value,
)


class RowType:
    HEADING = "heading"
    LINE = "line"
    CARRY_FORWARD = "carry_forward"
    INCOME_TOTAL = "income_total"
    GROUP_TOTAL = "group_total"
    EXPENDITURE_TOTAL = "expenditure_total"
    RESERVE = "reserve"
    RESERVE_TOTAL = "reserve_total"
    BALANCE = "balance"

    COMPUTED = frozenset({INCOME_TOTAL, GROUP_TOTAL, EXPENDITURE_TOTAL, RESERVE_TOTAL, BALANCE})


@dataclass
class Column:
    """One membership year of the statement."""

    year: int
    projected: bool
    figures: dict[Key, Figure]
    order: list[Key]
    reserve: Decimal
    carry_forward: Decimal = ZERO
    carry_forward_stated: bool = False  # the first budget's own opening balance

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def income_total(self) -> Decimal:
        lines = sum((f.value for k, f in self.figures.items() if k[0] == INCOME), ZERO)
        return lines + self.carry_forward

    def group_total(self, code: str) -> Decimal:
        return sum(
            (f.value for k, f in self.figures.items() if k[0] == EXPENDITURE and k[1] == code),
            ZERO,
        )

    @property
    def expenditure_total(self) -> Decimal:
        return sum((f.value for k, f in self.figures.items() if k[0] == EXPENDITURE), ZERO)

    @property
    def balance(self) -> Decimal:
        return self.income_total - self.expenditure_total


@dataclass(frozen=True)
class Row:
    type: str
    label: str
    figures: tuple[Figure, ...]
    code: str = ""
    note: str = ""

    @property
    def is_total(self) -> bool:
        return self.type in RowType.COMPUTED

    @property
    def texts(self) -> list[str]:
        return [f.text() for f in self.figures]


@dataclass
class Statement:
    year: int
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def first(self) -> Column:
        return self.columns[0]

    def figures_text(self) -> list[str]:
        """Every figure of the statement, in reading order (what tests compare across formats)."""
        return [text for row in self.rows for text in row.texts if text]


# --- one year ---------------------------------------------------------------------------------


def line_key(line: BudgetLine) -> Key:
    return (line.kind, line.code, line.name)


def stated_column(budget: Budget, carry_forward: Decimal, stated: bool) -> Column:
    lines = sorted(budget.lines.all(), key=lambda line: (line.position, line.pk or 0))
    return Column(
        year=budget.year,
        projected=False,
        figures={line_key(line): Figure(line.amount, line.to_be_confirmed) for line in lines},
        order=[line_key(line) for line in lines],
        reserve=budget.reserve,
        carry_forward=carry_forward,
        carry_forward_stated=stated,
    )


def grow(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * (1 + rate / 100)).quantize(PENNY, rounding=ROUND_HALF_UP)


def projected_column(previous: Column, assumptions: Sequence[ProjectionAssumption]) -> Column:
    figures = dict(previous.figures)
    order = list(previous.order)
    growth = {line_key(a.line): a.rate for a in assumptions if a.kind == "growth" and a.line}
    general = next((a.rate for a in assumptions if a.kind == "growth" and a.line is None), None)
    for key, figure in figures.items():
        rate = growth.get(key, general if key[0] == EXPENDITURE else None)
        if rate is not None and figure.amount is not None:
            figures[key] = Figure(grow(figure.amount, rate))
    for assumption in assumptions:
        if assumption.kind != "new_members" or assumption.line is None:
            continue
        key = line_key(assumption.line)
        added = Decimal(assumption.count or 0) * (assumption.fee or ZERO)
        if key not in figures:
            order.append(key)
        figures[key] = Figure(figures.get(key, Figure()).value + added)
    return Column(
        year=previous.year + 1,
        projected=True,
        figures=figures,
        order=order,
        reserve=previous.reserve,
        carry_forward=previous.balance,
    )


# --- the statement ----------------------------------------------------------------------------


def opening_carry_forward(by_year: dict[int, Budget], year: int) -> tuple[Decimal, bool]:
    """The carry forward into `year`: the balances of the unbroken run of budgets before it."""
    first = year
    while first - 1 in by_year:
        first -= 1
    carry_forward = by_year[first].opening_balance or ZERO
    for earlier in range(first, year):
        carry_forward = stated_column(by_year[earlier], carry_forward, False).balance
    return carry_forward, first == year


def build_columns(by_year: dict[int, Budget], year: int) -> list[Column]:
    base = by_year[year]
    carry_forward, stated = opening_carry_forward(by_year, year)
    columns = [stated_column(base, carry_forward, stated)]
    assumptions = list(base.assumptions.all())
    for later in range(year + 1, (base.projection_to or year) + 1):
        previous = columns[-1]
        if later in by_year:
            columns.append(stated_column(by_year[later], previous.balance, False))
        else:
            columns.append(projected_column(previous, assumptions))
    return columns


def build(budgets: Iterable[Budget], year: int) -> Statement:
    """The statement of `year` and its projection. `budgets` must include every budget from the
    start of the run up to the end of the projection, with lines and assumptions prefetched."""
    by_year = {budget.year: budget for budget in budgets}
    columns = build_columns(by_year, year)
    assumptions = list(by_year[year].assumptions.all())
    statement = Statement(year=year, columns=columns)
    statement.rows = layout_rows(columns, notes_by_key(assumptions))
    statement.assumptions = [describe(a) for a in assumptions]
    return statement


def union_order(columns: Sequence[Column], kind: str, code: str | None = None) -> list[Key]:
    keys: list[Key] = []
    for column in columns:
        for key in column.order:
            if key[0] == kind and (code is None or key[1] == code) and key not in keys:
                keys.append(key)
    return keys


def notes_by_key(assumptions: Sequence[ProjectionAssumption]) -> dict[Key, str]:
    notes: dict[Key, list[str]] = {}
    for assumption in assumptions:
        if assumption.line is not None:
            notes.setdefault(line_key(assumption.line), []).append(describe(assumption))
    return {key: " ".join(texts) for key, texts in notes.items()}


def layout_rows(columns: Sequence[Column], notes: dict[Key, str]) -> list[Row]:
    """The rows in the published statement's layout."""

    def figures(values: Iterable[Decimal]) -> tuple[Figure, ...]:
        return tuple(Figure(value) for value in values)

    def line_row(key: Key, row_type: str = RowType.LINE) -> Row:
        cells = tuple(column.figures.get(key, Figure()) for column in columns)
        return Row(row_type, key[2], cells, code=key[1], note=notes.get(key, ""))

    blank = tuple(Figure() for _column in columns)
    rows = [Row(RowType.HEADING, _("Income"), blank)]
    for key in _income_order(columns):
        if key[0] == CARRY_FORWARD:
            rows.append(
                Row(RowType.CARRY_FORWARD, key[2], figures(c.carry_forward for c in columns))
            )
        else:
            rows.append(line_row(key))
    rows.append(Row(RowType.INCOME_TOTAL, _("Total"), figures(c.income_total for c in columns)))
    rows.append(Row(RowType.HEADING, _("Expenditure"), blank))
    for code, label in ExpenditureCode.choices:
        rows.extend(line_row(key) for key in union_order(columns, EXPENDITURE, code))
        totals = figures(c.group_total(code) for c in columns)
        rows.append(Row(RowType.GROUP_TOTAL, f"{label} {code}", totals, code=code))
    rows.append(
        Row(
            RowType.EXPENDITURE_TOTAL,
            _("Expenditure Sub-total"),
            figures(c.expenditure_total for c in columns),
        )
    )
    reserves = figures(c.reserve for c in columns)
    rows.append(Row(RowType.RESERVE, _("Reserve"), reserves))
    rows.append(Row(RowType.RESERVE_TOTAL, _("Total reserve"), reserves))
    rows.append(Row(RowType.BALANCE, _("TOTAL BALANCE"), figures(c.balance for c in columns)))
    return rows


def _income_order(columns: Sequence[Column]) -> list[Key]:
    """Income lines and the carry-forward row in the order the years list them (the carry forward
    once, where the first year has it; at the end if no year lists it)."""
    keys: list[Key] = []
    carry: Key | None = None
    for column in columns:
        for key in column.order:
            if key[0] == CARRY_FORWARD:
                if carry is None:
                    carry = key
                    keys.append(key)
            elif key[0] == INCOME and key not in keys:
                keys.append(key)
    if carry is None:
        keys.append((CARRY_FORWARD, "", _("Carry Forward")))
    return keys


# --- assumptions in words ---------------------------------------------------------------------


def describe(assumption: ProjectionAssumption) -> str:
    line = assumption.line.name if assumption.line else ""
    if assumption.kind == "new_members":
        count = assumption.count or 0
        return ngettext(
            "%(count)d new member a year at %(fee)s each (%(line)s).",
            "%(count)d new members a year at %(fee)s each (%(line)s).",
            count,
        ) % {"count": count, "fee": format_money(assumption.fee or ZERO), "line": line}
    rate = assumption.rate or ZERO
    if not line:
        if rate == 0:
            return _("Expenditure held flat.")
        return _("Expenditure grows by %(rate)s%% a year.") % {"rate": _percent(rate)}
    if rate == 0:
        return _("%(line)s held flat.") % {"line": line}
    return _("%(line)s grows by %(rate)s%% a year.") % {"line": line, "rate": _percent(rate)}


def _percent(rate: Decimal) -> str:
    return f"{rate.normalize():f}"


def as_data(statement: Statement) -> dict[str, Any]:
    """The statement as plain data (the API's answer). Amounts are strings with two places."""

    def amount(value: Decimal) -> str:
        return str(value.quantize(PENNY))

    return {
        "year": statement.year,
        "label": statement.label,
        "columns": [
            {
                "year": c.year,
                "label": c.label,
                "projected": c.projected,
                "income_total": amount(c.income_total),
                "carry_forward": amount(c.carry_forward),
                "expenditure_by_code": {
                    code: amount(c.group_total(code)) for code in ExpenditureCode.values
                },
                "expenditure_total": amount(c.expenditure_total),
                "reserve": amount(c.reserve),
                "balance": amount(c.balance),
            }
            for c in statement.columns
        ],
        "rows": [
            {
                "type": row.type,
                "label": row.label,
                "code": row.code,
                "amounts": [None if f.amount is None else amount(f.amount) for f in row.figures],
                "to_be_confirmed": [f.to_be_confirmed for f in row.figures],
                "note": row.note,
            }
            for row in statement.rows
            if row.type != RowType.HEADING
        ],
        "assumptions": statement.assumptions,
    }
