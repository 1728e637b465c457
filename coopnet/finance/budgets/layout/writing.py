"""Writing the statement in its published layout: CSV and XLSX."""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coopnet.core import csvfiles
from coopnet.core.money import format_money

from ..statement import RowType, Statement
from .reading import MONEY_FORMAT


def export_grid(statement: Statement) -> list[list[object]]:
    """The statement in the published layout: labels, one column per year, notes."""
    grid: list[list[object]] = [["", *(c.label for c in statement.columns), ""]]
    for row in statement.rows:
        label = "" if row.type == RowType.RESERVE_TOTAL else row.label
        cells: list[object] = []
        for figure in row.figures:
            if row.type == RowType.HEADING:
                cells.append(None)
            elif figure.to_be_confirmed:
                cells.append(_("TBC"))
            else:
                cells.append(figure.amount)
        grid.append([label, *cells, row.note])
    return grid


def write_csv(statement: Statement) -> str:
    out = io.StringIO()
    writer = csvfiles.writer(out)
    for row in export_grid(statement):
        writer.writerow([format_money(c) if isinstance(c, Decimal) else c for c in row])
    return out.getvalue()


def write_xlsx(statement: Statement) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = statement.label.replace("/", "-")
    bold = Font(bold=True)
    types = [None, *(row.type for row in statement.rows)]
    for r, row in enumerate(export_grid(statement), start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, Decimal):
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if r == 1 or types[r - 1] in (RowType.HEADING, *RowType.COMPUTED):
                cell.font = bold
    sheet.column_dimensions["A"].width = 50
    for c in range(2, len(statement.columns) + 2):
        sheet.column_dimensions[get_column_letter(c)].width = 16
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
