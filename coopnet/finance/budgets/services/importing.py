"""A year's budget from a CSV or XLSX file."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.guard import require

from .. import layout, selectors
from ..errors import BudgetError, Problem
from ..models import Budget, BudgetLine
from .budgets import MANAGE, audit, budget_create, save
from .lines import removal_problem

# --- import -----------------------------------------------------------------------------------


def _budget_for_import(year: int, parsed: layout.ParsedBudget, by: Actor) -> Budget:
    budget = Budget.objects.select_for_update(of=("self",)).filter(year=year).first()
    return budget if budget is not None else budget_create(year=year, by=by)


def _import_key(kind: str, name: str) -> tuple[str, str]:
    """Lines are matched by kind and name (any case); a budget has one carry-forward row."""
    return (kind, "" if kind == BudgetLine.Kind.CARRY_FORWARD else name.casefold())


def _apply_lines(budget: Budget, parsed: layout.ParsedBudget, by: Actor) -> list[Problem]:
    existing = {_import_key(line.kind, line.name): line for line in budget.lines.all()}
    wanted = {_import_key(line.kind, line.name) for line in parsed.lines}
    problems = [
        Problem(message)
        for key, line in existing.items()
        if key not in wanted and (message := removal_problem(line)) and line.kind != "carry_forward"
    ]
    if problems:
        return problems
    for key, line in existing.items():
        if key not in wanted and line.kind != BudgetLine.Kind.CARRY_FORWARD:
            with acting_as(by):
                line.delete()
    for position, item in enumerate(parsed.lines, start=1):
        line = existing.get(_import_key(item.kind, item.name)) or BudgetLine(budget=budget)
        values = {
            "kind": item.kind,
            "code": item.code,
            "name": item.name,
            "amount": item.figure.amount,
            "to_be_confirmed": item.figure.to_be_confirmed,
            "position": position,
        }
        if line.pk and all(getattr(line, k) == v for k, v in values.items()):
            continue
        for name, value in values.items():
            setattr(line, name, value)
        save(line, by)
    return []


@transaction.atomic
def budget_import(*, content: bytes, year: int, by: Actor) -> Budget:
    """One year's budget from a CSV or XLSX file in the statement's layout: all of it, or nothing
    (every problem names its row and column)."""
    require(by, MANAGE)
    parsed = layout.parse(layout.read_grid(content), year)
    carry_forward, first = selectors.carry_forward_into(year)
    if first:
        if parsed.carry_forward.to_be_confirmed:
            raise BudgetError(
                [
                    Problem(
                        _("The carry forward must be an amount."),
                        parsed.carry_forward_row,
                        parsed.column,
                    )
                ]
            )
        carry_forward = parsed.carry_forward.value
    problems = layout.check_totals(parsed, carry_forward, first)
    if problems:
        raise BudgetError(problems)
    budget = _budget_for_import(year, parsed, by)
    problems = _apply_lines(budget, parsed, by)
    if problems:
        raise BudgetError(problems)
    budget.reserve = parsed.reserve.value
    budget.opening_balance = carry_forward if first else None
    save(budget, by)
    audit(
        by=by,
        action="budget.imported",
        target=budget,
        summary=_("The %(year)s budget imported from a file: %(count)s lines")
        % {"year": budget.label, "count": len(parsed.lines)},
    )
    return budget
