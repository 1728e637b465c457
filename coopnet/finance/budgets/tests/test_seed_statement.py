"""The published 2021/22 budget statement, reproduced from its lines and stated assumptions.

Every total below is typed from the statement in the 2021/22 Review of the Year (the seed); the
statement they are compared with is computed from the demo's lines and assumptions only.

How the published figures add up (all of them reproduce; no arithmetic error was found):
- Total = Member Fees + Associate and Affiliate Fees + Carry Forward (2021/22: 175,772 + 14,200 +
  63,487 = 253,459).
- TOTAL BALANCE = Total - Expenditure Sub-total; the £25,000 reserve is NOT deducted
  (253,459 - 206,234 = 47,225; deducting it would give 22,225). The reserve is held within the
  balance.
- Each year's Carry Forward is the previous year's TOTAL BALANCE (47,225; 49,565; 55,905).
- 2022/23 is not a projection of 2021/22: Member Fees rise by 22,367 and Associate and Affiliate
  Fees by 975, not by the stated 3,500 and 500, and Membership Support, Event Sponsorship, Stir to
  Action and Policy Labs change. It is a stated budget. The stated assumptions reproduce 2023/24 and
  2024/25 exactly from 2022/23 (+3,500 and +500 a year, expenditure flat).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from coopnet.demo.loader import LoadSummary
from coopnet.finance.budgets import demo, layout, selectors
from coopnet.finance.budgets.statement import RowType

pytestmark = pytest.mark.django_db

D = Decimal
YEARS = ["2021/22", "2022/23", "2023/24", "2024/25"]
PUBLISHED = {
    # row label: figures for 2021/22, 2022/23, 2023/24, 2024/25
    "Member Fees": ["175772", "198139", "201639", "205139"],
    "Associate and Affiliate Fees": ["14200", "15175", "15675", "16175"],
    "Carry Forward": ["63487", "47225", "49565", "55905"],
    "Total": ["253459", "260539", "266879", "277219"],
    "Management Fees and Governance MF": ["20974", "20974", "20974", "20974"],
    "Communications and Membership Support CM": ["89500", "93500", "93500", "93500"],
    "Sponsorship SP": ["2500", "1500", "1500", "1500"],
    "Conference Expenses and Room Hire CE": ["20000", "20000", "20000", "20000"],
    "Policy Labs and Policy Prototypes PP": ["71760", "75000", "75000", "75000"],
    "Legacy and Development Work LD": ["1500", "0", "0", "0"],
    "Expenditure Sub-total": ["206234", "210974", "210974", "210974"],
    "Reserve": ["25000", "25000", "25000", "25000"],
    "TOTAL BALANCE": ["47225", "49565", "55905", "66245"],
}


@pytest.fixture
def statement(db):
    demo.load(LoadSummary())
    return selectors.statement_for(2021)


def test_the_columns_are_the_published_years(statement):
    assert [c.label for c in statement.columns] == YEARS
    assert [c.projected for c in statement.columns] == [False, False, True, True]


def test_every_published_total_is_computed(statement):
    rows = {row.label: row for row in statement.rows}
    for label, published in PUBLISHED.items():
        computed = [figure.value for figure in rows[label].figures]
        assert computed == [D(p) for p in published], label


def test_headline_figures(statement):
    first = statement.first
    assert first.income_total == D("253459.00")
    assert first.balance == D("47225.00")
    assert [c.balance for c in statement.columns] == [
        D("47225"),
        D("49565"),
        D("55905"),
        D("66245"),
    ]


def test_every_cell_of_the_published_table_is_reproduced(statement):
    """Each figure of the seed's table (all four years, lines and totals) equals the computed one;
    only the 2021/22 and 2022/23 lines were loaded, so 2023/24 and 2024/25 are all computed."""
    grid = layout.read_grid(demo.SOURCE.read_bytes())
    published = {str(row[0]): row[1:5] for row in grid[1:] if row[0]}
    published["Total reserve"] = next(row[1:5] for row in grid[1:] if row[0] == "" and row[1])
    for row in statement.rows:
        if row.type == RowType.HEADING:
            continue
        cells = [layout.parse_figure(cell) for cell in published[row.label]]
        assert list(row.figures) == cells, row.label


def test_carry_forward_is_the_previous_balance(statement):
    for previous, column in zip(statement.columns, statement.columns[1:], strict=False):
        assert column.carry_forward == previous.balance


def test_the_assumptions_are_stated(statement):
    assert statement.assumptions == [
        "1 new member a year at £3,500.00 each (Member Fees).",
        "2 new members a year at £250.00 each (Associate and Affiliate Fees).",
        "Expenditure held flat.",
    ]


def test_loading_twice_changes_nothing(db):
    first = LoadSummary()
    demo.load(first)
    assert first.created["budgets"] == 2
    assert first.created["projection assumptions"] == 3
    again = LoadSummary()
    demo.load(again)
    assert not again.created
    assert not again.updated
