"""The budget pages as finance staff, board members and others see them."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from coopnet.finance.budgets import layout, selectors, services
from coopnet.finance.budgets.models import Budget, BudgetLine, ExpenditureEntry

from .factories import TESTS, make_budget, spend

pytestmark = pytest.mark.django_db
D = Decimal
FIGURE = re.compile(r"-?£[\d,]+\.\d\d|TBC")


def statement_table(html: str) -> str:
    return html[html.index('id="budget-statement"') : html.index("</table>")]


def test_the_statement_page_shows_every_published_total(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    html = client.get(reverse("budgets:statement", args=[2021])).content.decode()
    table = statement_table(html)
    for figure in ("£253,459.00", "£47,225.00", "£260,539.00", "£277,219.00", "£66,245.00"):
        assert figure in table
    assert "1 new member a year at £3,500.00 each (Member Fees)." in html
    assert table.count("Projected") == 2
    assert "Export XLSX" in html


def test_the_pdf_has_the_web_pages_figures(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    html = client.get(reverse("budgets:statement", args=[2021])).content.decode()
    response = client.get(reverse("budgets:statement_pdf", args=[2021]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    web = FIGURE.findall(statement_table(html))
    assert len(web) == 4 * 30 - 7  # 4 years x 30 rows, less the 7 empty cells
    table_text, assumptions = text.split("Projection assumptions")
    assert FIGURE.findall(table_text) == web
    assert "1 new member a year at £3,500.00 each (Member Fees)." in " ".join(assumptions.split())
    assert "Budget statement 2021/22" in text


def test_board_members_read_but_do_not_manage(client, board_member, seed_budgets):
    client.force_login(board_member)
    html = client.get(reverse("budgets:statement", args=[2021])).content.decode()
    assert "£47,225.00" in html
    assert "Export CSV" not in html
    assert "Manage this budget" not in html
    assert client.get(reverse("budgets:export", args=[2021, "csv"])).status_code == 403
    assert client.get(reverse("budgets:edit", args=[2021])).status_code == 403


def test_missing_year_and_format_are_404(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    assert client.get(reverse("budgets:statement", args=[2019])).status_code == 404
    assert client.get(reverse("budgets:export", args=[2021, "pdf"])).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_downloads(client, finance_officer, seed_budgets, fmt):
    client.force_login(finance_officer)
    response = client.get(reverse("budgets:export", args=[2021, fmt]))
    assert response["Content-Disposition"] == f'attachment; filename="budget-2021-22.{fmt}"'
    statement = selectors.statement_for(2021)
    expected = layout.write_csv(statement).encode() if fmt == "csv" else None
    if expected is not None:
        assert response.content == expected
    else:
        assert response.content.startswith(layout.XLSX_MAGIC)


def _many_lines(budget: Budget, count: int) -> None:
    for n in range(count):
        services.line_save(
            budget=budget, by=TESTS, kind="expenditure", code="PP", name=f"Lab {n}", amount=D("10")
        )


@pytest.mark.parametrize("extra", [0, 40])
def test_query_counts_do_not_grow_with_lines(
    client, finance_officer, django_assert_max_num_queries, extra
):
    budget = make_budget(2021)
    make_budget(2022, opening=None)
    _many_lines(budget, extra)
    for n in range(extra // 10):
        spend(budget.lines.get(name=f"Lab {n}"))
    client.force_login(finance_officer)
    pages = {
        "budgets:index": ([], 10),
        "budgets:statement": ([2021], 10),
        "budgets:edit": ([2021], 12),
        "budgets:projection": ([2021], 14),
        "budgets:actuals": ([2021], 14),
        "budgets:line_add": ([2021], 12),
        "budgets:spend_add": ([2021], 12),
        "budgets:import": ([], 10),
    }
    for name, (args, most) in pages.items():
        with django_assert_max_num_queries(most):
            assert client.get(reverse(name, args=args)).status_code == 200, name


def test_a_line_is_added_and_refusals_are_shown(client, finance_officer):
    make_budget(2021)
    client.force_login(finance_officer)
    url = reverse("budgets:line_add", args=[2021])
    response = client.post(url, {"kind": "expenditure", "name": "Study visit", "amount": "-5"})
    html = response.content.decode()
    assert "There is a problem" in html
    # One money parser for every money field, with its message.
    assert "Enter an amount of zero or more." in html
    assert "Choose the expenditure code the line comes under." in html
    response = client.post(
        url, {"kind": "expenditure", "code": "PP", "name": "Line 1", "amount": "5.001"}
    )
    assert "pounds and pence using numbers only" in response.content.decode()
    response = client.post(
        url, {"kind": "expenditure", "code": "PP", "name": "Line 1", "amount": "5"}
    )
    assert "already has a line called “Line 1”" in response.content.decode()
    response = client.post(
        url, {"kind": "expenditure", "code": "PP", "name": "Study visit", "amount": "2000"}
    )
    assert response.status_code == 302
    assert BudgetLine.objects.get(name="Study visit").amount == D("2000.00")


def test_removing_a_line_with_spending_is_refused_with_a_message(client, finance_officer):
    budget = make_budget(2021)
    line = budget.lines.get(name="Line 1")
    spend(line)
    client.force_login(finance_officer)
    response = client.post(reverse("budgets:line_remove", args=[2021, line.pk]), follow=True)
    assert "has expenditure recorded against it; it cannot be removed." in response.content.decode()
    assert BudgetLine.objects.filter(pk=line.pk).exists()


def test_an_inconsistent_assumption_is_refused_on_the_page(client, network_admin):
    budget = make_budget(2021)
    client.force_login(network_admin)
    url = reverse("budgets:projection", args=[2021])
    response = client.post(url, {"action": "add", "kind": "growth", "rate": "0"})
    assert (
        "There are two growth rates for “all expenditure”; keep one." in response.content.decode()
    )
    response = client.post(url, {"action": "add", "kind": "growth", "rate": "250"})
    assert (
        "A growth rate must be more than -100 per cent and at most 100 per cent a year."
        in response.content.decode()
    )
    fees = budget.lines.get(name="Member Fees")
    response = client.post(
        url, {"action": "add", "kind": "new_members", "line": fees.pk, "count": "-2", "fee": "250"}
    )
    html = response.content.decode()
    assert "The number of new members a year cannot be negative." in html
    response = client.post(url, {"action": "years", "projection_to": ""})
    assert "Say which year the projection runs to." in response.content.decode()
    line = budget.lines.get(name="Line 1")
    response = client.post(url, {"action": "add", "kind": "growth", "line": line.pk, "rate": "2.5"})
    assert response.status_code == 302
    assert budget.assumptions.count() == 3


def test_import_page_reports_row_and_column(client, finance_officer, seed_budgets):
    client.force_login(finance_officer)
    content = layout.write_csv(selectors.statement_for(2021)).replace("£14,200.00", "£14,2x0.00")
    upload = io.BytesIO(content.encode())
    upload.name = "budget.csv"
    response = client.post(reverse("budgets:import"), {"year": "2021", "file": upload})
    html = response.content.decode()
    assert "Row 4, column B: “£14,2x0.00” is not an amount in pounds." in html
    upload = io.BytesIO(layout.write_xlsx(selectors.statement_for(2021)))
    upload.name = "budget.xlsx"
    response = client.post(reverse("budgets:import"), {"year": "2022", "file": upload})
    assert response.status_code == 302
    assert response["Location"] == reverse("budgets:statement", args=[2022])


def test_creating_budgets(client, finance_officer):
    client.force_login(finance_officer)
    url = reverse("budgets:create")
    response = client.post(url, {"year": "2021", "reserve": "25000", "opening_balance": "63487"})
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "2022/23" in html
    assert "Balance brought forward" not in html
    response = client.post(url, {"year": "2022", "reserve": "-1"})
    assert "Enter an amount of zero or more." in response.content.decode()


@pytest.fixture
def paid_invoice(org_a, finance_officer):
    """org_a's 2021/22 invoice, paid in full (through the finance app's own services)."""
    from coopnet.finance.models import FeeSchedule, FinanceSettings
    from coopnet.finance.services.invoicing import invoice_raise_first
    from coopnet.finance.services.payments import payment_record
    from coopnet.members.tests.factories import category

    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre, Oldham"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    FeeSchedule.objects.create(year=2021, category=category("full"), amount=D("3500.00"))
    membership = org_a.memberships.get()
    membership.start = date(2021, 8, 1)
    membership.save()
    invoice = invoice_raise_first(membership=membership, on=date(2021, 8, 1), by=finance_officer)
    assert invoice is not None
    payment_record(
        invoice=invoice,
        received_on=date(2021, 9, 20),
        amount=invoice.total,
        reference="BACS 1",
        by=finance_officer,
    )
    return invoice


def test_actual_against_budget(client, finance_officer, seed_budgets, paid_invoice):
    line = BudgetLine.objects.get(budget__year=2021, name="Conference Expenses")
    client.force_login(finance_officer)
    response = client.post(
        reverse("budgets:spend_add", args=[2021]),
        {"line": line.pk, "spent_on": "2021-11-05", "amount": "1250.50", "description": "Venue"},
    )
    assert response.status_code == 302
    report = selectors.actuals_for(2021)
    income = {row.label: row for row in report.income}
    assert income["Member Fees"].received == paid_invoice.total
    assert income["Member Fees"].budgeted == D("175772.00")
    assert income["Associate and Affiliate Fees"].received == D("0")
    ce = next(g for g in report.groups if g.code == "CE")
    assert (ce.budgeted, ce.actual, ce.variance) == (D("20000"), D("1250.50"), D("18749.50"))
    html = client.get(reverse("budgets:actuals", args=[2021])).content.decode()
    assert "£1,250.50" in html
    assert "£18,749.50" in html
    assert "Venue" in html
    response = client.post(
        reverse("budgets:spend_add", args=[2021]),
        {"line": line.pk, "spent_on": "2022-08-01", "amount": "1", "description": "Late"},
    )
    assert "must fall in the membership year 2021/22" in response.content.decode()
    assert ExpenditureEntry.objects.count() == 1
