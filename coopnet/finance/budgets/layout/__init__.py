"""The budget statement as a spreadsheet, in the layout of the published statement.

Column A holds the labels, row 1 the membership years ("2021/22", ...), and a last column may hold
notes. Under an "Income" heading come the income lines and the "Carry Forward" row, then "Total";
under "Expenditure" come the lines of each code followed by the code's total row
("Management Fees and Governance MF" ...), then "Expenditure Sub-total", "Reserve", the reserve's
total (an unlabelled row) and "TOTAL BALANCE".

Reading takes one year's column and gives the lines of that year's budget. Total rows are checked
against the lines (a total that disagrees is refused, naming its cell); a total written as a
formula is not checked. Every problem names its row and column, and nothing is kept unless the
whole file is right.
"""

from .reading import (
    XLSX_MAGIC,
    XLSX_TYPE,
    ParsedBudget,
    ParsedLine,
    check_totals,
    parse,
    parse_figure,
    read_grid,
)
from .writing import export_grid, write_csv, write_xlsx

__all__ = [
    "XLSX_MAGIC",
    "XLSX_TYPE",
    "ParsedBudget",
    "ParsedLine",
    "check_totals",
    "export_grid",
    "parse",
    "parse_figure",
    "read_grid",
    "write_csv",
    "write_xlsx",
]
