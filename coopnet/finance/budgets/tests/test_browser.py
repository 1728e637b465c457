"""The budget statement and the import page in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.demo.loader import LoadSummary
from coopnet.finance.budgets import demo, layout, selectors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def loaded():
    demo.load(LoadSummary())


def test_finance_officer_reads_the_statement_in_english_and_welsh(
    browser_page, finance_officer, loaded
):
    bp = browser_page.sign_in(finance_officer.email, PASSWORD)
    bp.visit("/finance/budgets/")
    bp.follow("2021/22")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Budget statement 2021/22"
    table = bp.page.locator("#budget-statement")
    assert "£253,459.00" in table.inner_text()
    assert "£47,225.00" in table.inner_text()
    bp.submit("Cymraeg – change language")
    assert bp.page.locator("html").get_attribute("lang") == "cy"
    assert "£66,245.00" in bp.page.locator("#budget-statement").inner_text()
    bp.submit("English – newid iaith")


def test_finance_officer_imports_a_budget_and_sees_errors_first(
    browser_page, finance_officer, loaded, tmp_path
):
    statement = selectors.statement_for(2021)
    bad = tmp_path / "bad.csv"
    bad.write_text(layout.write_csv(statement).replace("£14,200.00", "£-14,200.00"), "utf-8")
    good = tmp_path / "good.xlsx"
    good.write_bytes(layout.write_xlsx(statement))

    bp = browser_page.sign_in(finance_officer.email, PASSWORD)
    bp.visit("/finance/budgets/")
    bp.follow("Import a budget")
    bp.submit("Import")  # no file chosen
    assert bp.page.title().startswith("Error:")
    assert (
        "Choose a CSV or XLSX file to upload."
        in bp.page.locator(".govuk-error-summary").inner_text()
    )
    bp.page.get_by_label("Membership year to import").select_option("2021")
    bp.page.get_by_label("CSV or XLSX file").set_input_files(str(bad))
    bp.submit("Import")
    summary = bp.page.locator(".govuk-error-summary").inner_text()
    assert "Row 4, column B: Amounts cannot be negative." in summary
    bp.page.get_by_label("Membership year to import").select_option("2022")
    bp.page.get_by_label("CSV or XLSX file").set_input_files(str(good))
    bp.submit("Import")
    assert "has been imported" in bp.page.locator(".govuk-notification-banner").inner_text()
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Budget statement 2022/23"
