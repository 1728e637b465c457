"""Import and export in the published statement's layout: round trips, and refusals that name the
row and column."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from coopnet.demo.loader import LoadSummary
from coopnet.finance.budgets import demo, layout, selectors, services
from coopnet.finance.budgets.errors import BudgetError
from coopnet.finance.budgets.models import Budget, BudgetLine

pytestmark = pytest.mark.django_db
SEED = demo.SOURCE.read_bytes()


def lines_of(year: int) -> list[tuple[object, ...]]:
    return list(
        BudgetLine.objects.filter(budget__year=year)
        .order_by("position")
        .values_list("kind", "code", "name", "amount", "to_be_confirmed", "position")
    )


def figures_of(year: int) -> list[list[str]]:
    return [row.texts for row in selectors.statement_for(year).rows]


def seed_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(SEED.decode()), delimiter="\t"))


def as_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def import_error(content: bytes, year: int, by) -> list[str]:
    with pytest.raises(BudgetError) as excinfo:
        services.budget_import(content=content, year=year, by=by)
    return excinfo.value.messages


def test_the_published_table_imports(finance_officer):
    services.budget_import(content=SEED, year=2021, by=finance_officer)
    services.budget_import(content=SEED, year=2022, by=finance_officer)
    statement = selectors.statement_for(2021)
    assert statement.first.income_total == Decimal("253459.00")
    assert statement.first.balance == Decimal("47225.00")
    assert selectors.statement_for(2022).first.balance == Decimal("49565.00")
    budget = Budget.objects.get(year=2021)
    assert budget.opening_balance == Decimal("63487.00")
    assert budget.reserve == Decimal("25000.00")
    assert Budget.objects.get(year=2022).opening_balance is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_round_trips(seed_budgets, finance_officer, fmt):
    statement = selectors.statement_for(2021)
    exported = (
        layout.write_csv(statement).encode() if fmt == "csv" else layout.write_xlsx(statement)
    )
    before = {year: lines_of(year) for year in (2021, 2022)}
    figures = figures_of(2021)
    Budget.objects.all().delete()

    for year in (2021, 2022):
        services.budget_import(content=exported, year=year, by=finance_officer)
    assert {year: lines_of(year) for year in (2021, 2022)} == before
    # The projection is not part of the file; put the demo's back and every figure is the same.
    demo.load(LoadSummary())
    assert figures_of(2021) == figures


def test_reimporting_the_same_file_changes_nothing(seed_budgets, finance_officer):
    exported = layout.write_xlsx(selectors.statement_for(2021))
    history = BudgetLine.history.count()
    services.budget_import(content=exported, year=2022, by=finance_officer)
    assert BudgetLine.history.count() == history


def test_the_export_is_the_published_layout(seed_budgets):
    rows = list(csv.reader(io.StringIO(layout.write_csv(selectors.statement_for(2021)))))
    assert rows[0] == ["", "2021/22", "2022/23", "2023/24", "2024/25", ""]
    labels = [row[0] for row in rows[1:]]
    assert labels == [row[0] for row in seed_rows()[1:]]
    total = rows[labels.index("Total") + 1]
    assert total[1:5] == ["£253,459.00", "£260,539.00", "£266,879.00", "£277,219.00"]
    assert rows[2][0] == "Member Fees"
    assert rows[2][5] == "1 new member a year at £3,500.00 each (Member Fees)."
    book = load_workbook(io.BytesIO(layout.write_xlsx(selectors.statement_for(2021))))
    sheet = book.worksheets[0]
    assert sheet["B7"].value == Decimal("253459") or sheet["B7"].value == 253459
    assert sheet["A33"].value == "TOTAL BALANCE"


def test_a_wrong_total_names_its_row_and_column(finance_officer):
    rows = seed_rows()
    rows[6][1] = "£253,460"
    assert import_error(as_csv(rows), 2021, finance_officer) == [
        "Row 7, column B: This total says £253,460.00 but the figures add up to £253,459.00."
    ]
    assert not Budget.objects.exists()  # nothing kept


def test_a_bad_amount_names_its_row_and_column(finance_officer):
    rows = seed_rows()
    rows[2][2] = "lots"
    rows[9][2] = "-£5.00"
    rows[10][2] = "£1.005"
    assert import_error(as_csv(rows), 2022, finance_officer) == [
        "Row 3, column C: “lots” is not an amount in pounds.",
        "Row 10, column C: Amounts cannot be negative.",
        "Row 11, column C: Amounts have at most two decimal places (pence).",
    ]


def test_the_carry_forward_must_be_the_previous_balance(seed_budgets, finance_officer):
    rows = seed_rows()
    rows[4][2] = "£47,000.00"
    rows[6][2] = ""
    rows[32][2] = ""
    before = lines_of(2022)
    assert import_error(as_csv(rows), 2022, finance_officer) == [
        "Row 5, column C: The carry forward is the previous year's balance, £47,225.00; "
        "the file says £47,000.00."
    ]
    assert lines_of(2022) == before


def test_a_wrong_layout_is_refused_with_its_place(finance_officer):
    no_years = as_csv([["Income", "1"], ["Member Fees", "2"]])
    assert import_error(no_years, 2021, finance_officer) == [
        "Row 1: The first row must name the membership years, for example 2021/22."
    ]
    assert import_error(SEED, 2019, finance_officer) == [
        "Row 1: No column is headed 2019/20; the years in this row are 2021/22, 2022/23, "
        "2023/24, 2024/25."
    ]
    rows = seed_rows()
    del rows[28]  # the LD total row
    assert import_error(as_csv(rows), 2021, finance_officer) == [
        "Row 27, column A: “New Member Visits” is not followed by the total row of its code "
        "(MF, CM, SP, CE, PP or LD).",
        "Row 28, column A: “Stir to Action Workshop - Co-op Development Tool” is not followed by "
        "the total row of its code (MF, CM, SP, CE, PP or LD).",
    ]
    rows = seed_rows()
    rows.insert(1, ["Stray line", "£1.00", "", "", "", ""])
    assert import_error(as_csv(rows), 2021, finance_officer) == [
        "Row 2, column A: Lines must come under an “Income” heading first."
    ]


def test_an_xlsx_error_names_its_cell_and_formula_totals_are_not_checked(finance_officer):
    book = Workbook()
    sheet = book.active
    for row in seed_rows():
        sheet.append(row)
    sheet["B7"] = "=SUM(B3:B6)"
    sheet["B3"] = 175772
    sheet["C4"] = "fourteen"
    out = io.BytesIO()
    book.save(out)
    services.budget_import(content=out.getvalue(), year=2021, by=finance_officer)
    assert selectors.statement_for(2021).first.income_total == Decimal("253459.00")
    assert import_error(out.getvalue(), 2022, finance_officer) == [
        "Row 4, column C: “fourteen” is not an amount in pounds."
    ]


def test_files_that_are_not_spreadsheets_are_refused(finance_officer, settings):
    assert import_error(b"%PDF-1.7 ...", 2021, finance_officer) == [
        "The file must be a CSV or XLSX spreadsheet."
    ]
    assert import_error(b"PK\x03\x04 not really a workbook", 2021, finance_officer) == [
        "The XLSX file cannot be read; save it again and retry."
    ]
    assert import_error(
        "\t2021/22\nIncome\nMember Fees\t£1\n".encode("utf-16"), 2021, finance_officer
    )
    settings.COOPNET_BUDGET_IMPORT_MAX_BYTES = 100
    assert import_error(SEED, 2021, finance_officer) == ["The file is larger than 0 KB."]


def test_lines_used_elsewhere_are_not_dropped_by_an_import(seed_budgets, finance_officer):
    rows = seed_rows()
    del rows[2]  # Member Fees, which the projection uses
    rows[5][1] = rows[31][1] = ""  # the totals it was part of
    messages = import_error(as_csv(rows), 2021, finance_officer)
    assert messages == ["The projection uses “Member Fees”; remove its assumption first."]


def test_names_a_spreadsheet_would_run_are_written_as_text(finance_officer):
    budget = services.budget_create(year=2021, by=finance_officer, opening_balance=Decimal("0"))
    services.line_save(
        budget=budget, by=finance_officer, kind="income", name="=HYPERLINK(1)", amount=Decimal("1")
    )
    statement = selectors.statement_for(2021)
    assert "'=HYPERLINK(1)" in layout.write_csv(statement)
    sheet = load_workbook(io.BytesIO(layout.write_xlsx(statement))).worksheets[0]
    assert sheet["A4"].value == "=HYPERLINK(1)"
    assert sheet["A4"].data_type == "s"
    for content in (layout.write_csv(statement).encode(), layout.write_xlsx(statement)):
        services.budget_import(content=content, year=2021, by=finance_officer)
        assert budget.lines.filter(name="=HYPERLINK(1)").count() == 1
