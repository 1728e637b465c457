"""Writes to budgets: what is refused, what is kept, and history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coopnet.core.guard import Refused
from coopnet.finance.budgets import selectors, services
from coopnet.finance.budgets.errors import BudgetError
from coopnet.finance.budgets.models import Budget, BudgetLine
from coopnet.finance.budgets.projection import AssumptionSpec

from .factories import make_budget, spend

pytestmark = pytest.mark.django_db
D = Decimal


def messages_of(excinfo: pytest.ExceptionInfo[BudgetError]) -> list[str]:
    return excinfo.value.messages


def test_budgets_follow_on_year_by_year_and_carry_forward_the_balance(finance_officer):
    first = make_budget(2021)
    with pytest.raises(BudgetError, match="the next one is for 2022/23"):
        services.budget_create(year=2023, by=finance_officer)
    with pytest.raises(BudgetError, match="Only the first budget states a balance brought forward"):
        services.budget_create(year=2022, by=finance_officer, opening_balance=D("5"))
    second = services.budget_create(year=2022, by=finance_officer)
    statement = selectors.statement_for(2022)
    assert statement.first.carry_forward == selectors.statement_for(2021).first.balance
    assert statement.first.carry_forward == D("1000") + D("5000") - D("200")
    assert first.year + 1 == second.year
    assert second.lines.get().kind == BudgetLine.Kind.CARRY_FORWARD


def test_a_year_cannot_have_two_budgets(finance_officer):
    make_budget(2021)
    with pytest.raises(BudgetError, match="already a budget for 2021/22"):
        services.budget_create(year=2021, by=finance_officer)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (D("-1.00"), "Amounts cannot be negative."),
        (D("1.005"), "at most two decimal places"),
    ],
)
def test_amounts_are_non_negative_with_two_places(finance_officer, amount, message):
    budget = make_budget(2021)
    with pytest.raises(BudgetError, match=message):
        services.line_save(
            budget=budget, by=finance_officer, kind="income", name="Grants", amount=amount
        )
    with pytest.raises(BudgetError, match=message):
        services.budget_update(
            budget=budget, by=finance_officer, reserve=amount, opening_balance=None, notes=""
        )
    assert not budget.lines.filter(name="Grants").exists()


def test_only_finance_staff_write(board_member, supporter):
    budget = make_budget(2021)
    for user in (board_member, supporter):
        with pytest.raises(Refused):
            services.line_save(budget=budget, by=user, kind="income", name="X", amount=D("1"))
        with pytest.raises(Refused):
            services.budget_create(year=2022, by=user)


def test_line_rules(network_admin):
    budget = make_budget(2021)
    with pytest.raises(BudgetError, match="already has a line called “member fees”"):
        services.line_save(
            budget=budget, by=network_admin, kind="income", name="member fees", amount=D("1")
        )
    with pytest.raises(BudgetError, match="Choose the expenditure code"):
        services.line_save(
            budget=budget, by=network_admin, kind="expenditure", name="New", amount=D("1")
        )
    carry = budget.lines.get(kind="carry_forward")
    with pytest.raises(BudgetError, match="carry forward is computed"):
        services.line_save(
            budget=budget, by=network_admin, kind="income", name="X", amount=D("1"), line=carry
        )
    with pytest.raises(BudgetError, match="cannot be removed"):
        services.line_remove(line=carry, by=network_admin)


def test_a_line_with_spending_or_an_assumption_is_not_removed(network_admin):
    budget = make_budget(2021)
    spent = budget.lines.get(name="Line 1")
    spend(spent)
    with pytest.raises(BudgetError, match="has expenditure recorded against it"):
        services.line_remove(line=spent, by=network_admin)
    with pytest.raises(BudgetError, match="The projection uses “Member Fees”"):
        services.line_remove(line=budget.lines.get(name="Member Fees"), by=network_admin)
    services.line_remove(line=budget.lines.get(name="Line 2"), by=network_admin)
    assert not budget.lines.filter(name="Line 2").exists()


def test_each_category_counts_on_one_income_line(network_admin):
    budget = make_budget(2021)
    fees = budget.lines.get(name="Member Fees")
    services.line_save(
        budget=budget,
        by=network_admin,
        kind="income",
        name="Member Fees",
        amount=D("5000"),
        fee_categories=["full"],
        line=fees,
    )
    with pytest.raises(BudgetError, match="already collects the fees of full"):
        services.line_save(
            budget=budget,
            by=network_admin,
            kind="income",
            name="More fees",
            amount=D("1"),
            fee_categories=["full", "associate"],
        )


# --- the projection ---------------------------------------------------------------------------


def _specs(budget: Budget, **overrides: object) -> list[AssumptionSpec]:
    fees = budget.lines.get(name="Member Fees")
    base = {"kind": "new_members", "line": fees, "count": 1, "fee": D("3500")}
    return [AssumptionSpec(**{**base, **overrides})]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("projection_to", "overrides", "message"),
    [
        (2021, {}, "The projection must end after 2021/22; it ends in 2021/22."),
        (2020, {}, "The projection must end after 2021/22; it ends in 2020/21."),
        (2040, {}, "A projection runs for at most 10 years"),
        (None, {}, "Say which year the projection runs to."),
        (2024, {"count": -1}, "The number of new members a year cannot be negative."),
        (2024, {"fee": D("-250")}, "Amounts cannot be negative."),
        (2024, {"fee": D("250.001")}, "at most two decimal places"),
        (
            2024,
            {"kind": "growth", "line": None, "rate": D("-100")},
            "more than -100 per cent and at most 100 per cent",
        ),
        (
            2024,
            {"kind": "growth", "line": None, "rate": D("150")},
            "more than -100 per cent and at most 100 per cent",
        ),
        (2024, {"kind": "growth", "line": None, "rate": None}, "Give the growth rate"),
    ],
)
def test_an_inconsistent_projection_is_refused(network_admin, projection_to, overrides, message):
    budget = make_budget(2021)
    before = list(budget.assumptions.values_list("pk", flat=True))
    with pytest.raises(BudgetError) as excinfo:
        services.budget_set_projection(
            budget=budget,
            by=network_admin,
            projection_to=projection_to,
            assumptions=_specs(budget, **overrides),
        )
    assert any(message in m for m in messages_of(excinfo)), messages_of(excinfo)
    budget.refresh_from_db()
    assert budget.projection_to == 2023  # nothing half-written
    assert list(budget.assumptions.values_list("pk", flat=True)) == before


def test_duplicate_assumptions_for_one_line_are_refused(network_admin):
    budget = make_budget(2021)
    with pytest.raises(BudgetError) as excinfo:
        services.budget_set_projection(
            budget=budget,
            by=network_admin,
            projection_to=2024,
            assumptions=[*_specs(budget), *_specs(budget, count=2)],
        )
    assert messages_of(excinfo) == [
        "There are two new-member assumptions for “Member Fees”; keep one."
    ]
    with pytest.raises(BudgetError, match="two growth rates for “all expenditure”"):
        services.assumption_add(
            budget=budget, by=network_admin, assumption=AssumptionSpec(kind="growth", rate=D("2"))
        )


def test_new_members_go_to_an_income_line_of_this_budget(network_admin):
    budget = make_budget(2021)
    other = make_budget(2022, opening=None)
    with pytest.raises(BudgetError, match="must go to one of the budget's income lines"):
        services.budget_set_projection(
            budget=budget,
            by=network_admin,
            projection_to=2024,
            assumptions=_specs(budget, line=budget.lines.get(name="Line 1")),
        )
    with pytest.raises(BudgetError, match="is not a line of the 2021/22 budget"):
        services.budget_set_projection(
            budget=budget,
            by=network_admin,
            projection_to=2024,
            assumptions=_specs(budget, line=other.lines.get(name="Member Fees")),
        )


def test_growth_compounds_and_new_members_add_each_year(network_admin):
    budget = make_budget(2021)
    services.budget_set_projection(
        budget=budget,
        by=network_admin,
        projection_to=2023,
        assumptions=[*_specs(budget), AssumptionSpec(kind="growth", rate=D("10"))],
    )
    statement = selectors.statement_for(2021)
    fees = [c.figures[("income", "", "Member Fees")].value for c in statement.columns]
    assert fees == [D("5000"), D("8500"), D("12000")]
    line = [c.figures[("expenditure", "MF", "Line 1")].value for c in statement.columns]
    assert line == [D("100.00"), D("110.00"), D("121.00")]
    assert [c.carry_forward for c in statement.columns[1:]] == [
        c.balance for c in statement.columns[:-1]
    ]


# --- actuals and history ------------------------------------------------------------------------


def test_spending_must_fall_in_the_year_and_on_an_expenditure_line(finance_officer):
    budget = make_budget(2021)
    line = budget.lines.get(name="Line 1")
    with pytest.raises(BudgetError, match="must fall in the membership year 2021/22"):
        services.expenditure_record(
            line=line,
            by=finance_officer,
            spent_on=date(2022, 8, 1),
            amount=D("1"),
            description="Late",
        )
    with pytest.raises(BudgetError, match="Amounts cannot be negative"):
        services.expenditure_record(
            line=line,
            by=finance_officer,
            spent_on=date(2022, 7, 31),
            amount=D("-1"),
            description="Refund",
        )
    with pytest.raises(BudgetError, match="against an expenditure line"):
        services.expenditure_record(
            line=budget.lines.get(name="Member Fees"),
            by=finance_officer,
            spent_on=date(2021, 8, 1),
            amount=D("1"),
            description="X",
        )
    entry = services.expenditure_record(
        line=line,
        by=finance_officer,
        spent_on=date(2022, 7, 31),
        amount=D("12.50"),
        description="Room hire",
    )
    assert entry.history.get().history_user == finance_officer


def test_changes_keep_history(finance_officer):
    budget = make_budget(2021)
    line = budget.lines.get(name="Line 1")
    services.line_save(
        budget=budget,
        by=finance_officer,
        kind="expenditure",
        code="MF",
        name="Line 1",
        amount=D("150.00"),
        line=line,
    )
    amounts = list(line.history.order_by("history_id").values_list("amount", flat=True))
    assert amounts == [D("100.00"), D("150.00")]
    assert line.history.latest().history_user == finance_officer
