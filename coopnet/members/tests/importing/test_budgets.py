"""Importing council budgets: all rows or none, errors by row, staff only; the headline's budget
stays "not recorded" until staff say the budgets are complete."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied

from coopnet.core.actors import System
from coopnet.core.figures import set_coverage
from coopnet.members import selectors, services
from coopnet.members.importing import budgets_import
from coopnet.members.models import CouncilBudget
from coopnet.members.tests.factories import CouncilFactory, category
from coopnet.members.tests.importing.helpers import csv_file

pytestmark = pytest.mark.django_db

HEADER = "la_code,financial_year,amount,source"


@pytest.fixture
def councils():
    for code in ("OLD", "KIR"):
        council = CouncilFactory(la_code=code)
        services.membership_start(
            holder=council, category=category("full"), start=date(2021, 8, 1), by=System("t")
        )


def test_budgets_are_created_then_updated_never_duplicated(councils):
    data = csv_file(HEADER, 'OLD,2022/23,"£1,250,000.50",Budget book 2022/23', "kir,2022,900000,")
    report = budgets_import(data=data, by=System("tests"))
    assert report.ok, report.errors
    assert report.created == 2
    assert CouncilBudget.objects.get(organisation__local_authority_id="OLD").amount == Decimal(
        "1250000.50"
    )
    again = budgets_import(
        data=csv_file(HEADER, "OLD,2022/23,1300000,Budget book", "KIR,2022,900000,"),
        by=System("tests"),
    )
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert CouncilBudget.objects.count() == 2


def test_a_file_with_any_bad_row_writes_nothing_and_names_each_row(councils):
    data = csv_file(
        HEADER,
        "OLD,2022/23,1000,",
        "ZZZ,2022,1000,",
        "KIR,2022/24,1000,",
        "KIR,2023,lots,",
        "OLD,2022,5,",
    )
    report = budgets_import(data=data, by=System("tests"))
    assert not report.written
    rows = {(e.row, e.column) for e in report.errors}
    assert rows == {(3, "la_code"), (4, "financial_year"), (5, "amount"), (6, "financial_year")}
    assert "Row 3" in str(report.errors[0])
    assert not CouncilBudget.objects.exists()


def test_only_staff_may_import(councils, django_user_model):
    user = django_user_model.objects.create_user(email="u@example.org", password="x")
    with pytest.raises(PermissionDenied):
        budgets_import(data=csv_file(HEADER, "OLD,2022,1,"), by=user)


def test_the_headline_budget_is_not_recorded_until_budgets_are_covered(councils):
    budgets_import(data=csv_file(HEADER, "OLD,2022,1000,", "KIR,2022,500,"), by=System("t"))
    set_coverage("members-full", date(2021, 8, 1))
    on = date(2022, 7, 31)
    budget = selectors.membership_stats(on).figures["councils-budget"]
    assert not budget.recorded
    assert budget.value is None
    set_coverage("council-budgets", date(2022, 4, 1))
    budget = selectors.membership_stats(on).figures["councils-budget"]
    assert budget.recorded
    assert budget.value == Decimal(1500)


def test_the_command_imports_a_file(councils, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "budgets.csv"
    path.write_bytes(csv_file(HEADER, "OLD,2022,1000,Budget book"))
    call_command("import_budgets", str(path), stdout=StringIO())
    assert CouncilBudget.objects.get().source == "Budget book"
