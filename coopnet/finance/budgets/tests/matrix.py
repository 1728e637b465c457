"""Budgets' part of the permission matrices (see coopnet/core/tests/matrix.py).

Finance staff and network admins keep budgets; board members may also read the statement and its
PDF; other signed-in people get 403 and visitors are sent to sign in. The API answers 403 to
everyone but finance staff and network admins (the API signs in by session only)."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import DENY, OK, REDIRECT, Entry, finance_staff, signed_in

from .factories import make_budget, spend


def readers() -> dict[str, object]:
    return {**finance_staff(), "board_member": OK}


def _year(c: dict[str, Any]) -> dict[str, Any]:
    return {"year": c["budget"].year}


ENTRIES: dict[str, Entry] = {
    "budgets:index": Entry(readers()),
    "budgets:statement": Entry(readers(), _year),
    "budgets:statement_pdf": Entry(readers(), _year),
    "budgets:export": Entry(finance_staff(), lambda c: {**_year(c), "fmt": "csv"}),
    "budgets:create": Entry(finance_staff()),
    "budgets:import": Entry(finance_staff()),
    "budgets:edit": Entry(finance_staff(), _year),
    "budgets:line_add": Entry(finance_staff(), _year),
    "budgets:line_edit": Entry(
        finance_staff(), lambda c: {**_year(c), "line_id": c["budget_spent_line"].pk}
    ),
    # The line has spending recorded, so removing it is refused (and it stays for the next role).
    "budgets:line_remove": Entry(
        {**signed_in(DENY), "finance_officer": REDIRECT, "network_admin": REDIRECT},
        lambda c: {**_year(c), "line_id": c["budget_spent_line"].pk},
        method="post",
    ),
    "budgets:projection": Entry(finance_staff(), _year),
    # A page that asks for confirmation; a POST without it changes nothing (test_views).
    "budgets:assumption_remove": Entry(
        finance_staff(), lambda c: {**_year(c), "assumption_id": c["budget"].assumptions.first().pk}
    ),
    "budgets:actuals": Entry(finance_staff(), _year),
    "budgets:spend_add": Entry(finance_staff(), _year),
    "api:budget-list": Entry({**finance_staff(), "anonymous": DENY}),
    "api:budget-statement": Entry({**finance_staff(), "anonymous": DENY}, _year),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    budget = make_budget(2021)
    line = budget.lines.get(name="Line 1")
    spend(line)
    return {"budget": budget, "budget_spent_line": line}


VIEW_ONLY = {"finance_officer": {"view"}, "network_admin": {"view"}}
BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "budgets.budget": VIEW_ONLY,
    "budgets.budgetline": VIEW_ONLY,
    "budgets.projectionassumption": VIEW_ONLY,
    "budgets.expenditureentry": VIEW_ONLY,
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    budget = make_budget(2030)
    line = budget.lines.get(name="Line 1")
    return {
        "budgets.budget": budget,
        "budgets.budgetline": line,
        "budgets.projectionassumption": budget.assumptions.first(),
        "budgets.expenditureentry": spend(line),
    }
