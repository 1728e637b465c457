"""Budgets on the spine: the one money parser on every amount field, the core guard (a refusal is a
403 wherever it is raised, `by=None` is never the system), and every write in the audit trail with
its field history attributed to whoever did it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from coopnet.core.actors import System
from coopnet.core.audit import audit_trail_for
from coopnet.core.errors import DomainError
from coopnet.core.guard import Refused
from coopnet.finance.budgets import services
from coopnet.finance.budgets.errors import BudgetError
from coopnet.finance.budgets.models import Budget, BudgetLine
from coopnet.finance.budgets.money import AmountError, parse_figure
from coopnet.finance.budgets.templatetags.budget_money import money
from coopnet.finance.tests.factories import (
    BudgetFactory,
    BudgetLineFactory,
    ExpenditureEntryFactory,
)

from .factories import make_budget

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.mark.parametrize("amount", ["1e309", "1e5", "abc", "1,00", "NaN"])
def test_a_line_amount_that_is_not_pounds_and_pence_is_a_form_error(
    client, finance_officer, amount
):
    budget = BudgetFactory()
    client.force_login(finance_officer)
    response = client.post(
        reverse("budgets:line_add", args=[budget.year]),
        {"kind": "income", "name": "Grants", "amount": amount},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter an amount" in html
    assert not budget.lines.filter(name="Grants").exists()


def test_a_line_amount_with_a_pound_sign_and_thousands_is_read(client, finance_officer):
    budget = BudgetFactory()
    client.force_login(finance_officer)
    response = client.post(
        reverse("budgets:line_add", args=[budget.year]),
        {"kind": "income", "name": "Grants", "amount": "£1,000.50"},
    )
    assert response.status_code == 302
    assert budget.lines.get(name="Grants").amount == D("1000.50")


def test_the_spending_form_refuses_1e309(client, finance_officer):
    line = BudgetLineFactory()
    client.force_login(finance_officer)
    response = client.post(
        reverse("budgets:spend_add", args=[line.budget.year]),
        {"line": line.pk, "spent_on": "2021-09-01", "amount": "1e309", "description": "Hire"},
    )
    assert response.status_code == 200
    assert "Enter an amount" in response.content.decode()
    assert not line.spending.exists()


def test_a_cell_of_1_00_is_not_one_hundred_pounds():
    with pytest.raises(AmountError):
        parse_figure("1,00")
    assert parse_figure("£1,500.00").amount == D("1500.00")
    assert parse_figure("TBC").to_be_confirmed


def test_the_money_filter_shows_amounts_the_one_way():
    assert money(D("1234.5")) == "£1,234.50"
    assert money(D("-12.5")) == "-£12.50"
    assert money(None) == ""


def test_a_refusal_raised_by_a_service_is_a_403_even_when_the_view_does_not_check(
    client, board_member, monkeypatch
):
    budget = BudgetFactory()
    monkeypatch.setattr("coopnet.finance.budgets.views.require", lambda *a, **k: None)
    client.force_login(board_member)
    response = client.post(
        reverse("budgets:line_add", args=[budget.year]),
        {"kind": "income", "name": "Grants", "amount": "10"},
    )
    assert response.status_code == 403
    assert not budget.lines.filter(name="Grants").exists()


def test_nobody_is_the_system_by_omission():
    with pytest.raises(TypeError):
        services.budget_create(year=2021, by=None)
    assert not Budget.objects.exists()


def test_budget_errors_are_domain_errors():
    assert issubclass(BudgetError, DomainError)
    error = BudgetError("One problem")
    assert error.message == "One problem"


def test_board_members_are_refused_by_the_services(board_member):
    budget = BudgetFactory()
    with pytest.raises(Refused):
        services.line_save(budget=budget, by=board_member, kind="income", name="X", amount=D("1"))


def test_budget_writes_are_in_the_audit_trail_and_the_field_history(finance_officer):
    budget = services.budget_create(year=2021, by=finance_officer, opening_balance=D("10"))
    line = services.line_save(
        budget=budget, by=finance_officer, kind="expenditure", code="MF", name="Hire", amount=D("5")
    )
    entry = services.expenditure_record(
        line=line, by=finance_officer, spent_on=date(2021, 9, 1), amount=D("2"), description="x"
    )
    assert budget.history.first().history_user == finance_officer
    assert line.history.first().history_user == finance_officer
    assert entry.history.first().history_user == finance_officer
    actions = set(audit_trail_for(budget).values_list("action", flat=True))
    assert {"budget.created", "budget.line_added", "budget.spending_recorded"} <= actions
    assert audit_trail_for(entry).get().user == finance_officer


def test_spending_recorded_by_a_system_job_is_attributed_to_it():
    line = BudgetLineFactory()
    job = System("ledger_import")
    entry = services.expenditure_record(
        line=line, by=job, spent_on=date(2021, 9, 2), amount=D("3"), description="Imported"
    )
    assert entry.recorded_by is None
    assert audit_trail_for(entry).get().system_job == "ledger_import"


def test_a_removed_line_stays_in_the_trail(finance_officer):
    budget = make_budget(2021)
    line = budget.lines.get(name="Line 2")
    services.line_remove(line=line, by=finance_officer)
    assert not BudgetLine.objects.filter(pk=line.pk).exists()
    removed = audit_trail_for(budget).get(action="budget.line_removed")
    assert "Line 2" in removed.summary
    assert removed.user == finance_officer


def test_the_factories_build_spending():
    entry = ExpenditureEntryFactory()
    assert entry.line.budget.lines.filter(kind=BudgetLine.Kind.CARRY_FORWARD).exists()
