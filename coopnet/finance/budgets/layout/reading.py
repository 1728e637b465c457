"""Reading a budget from a file in the statement's layout (see the package docstring)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from coopnet.core.csvfiles import unescape
from coopnet.core.membership_year import parse_year_label, year_label
from coopnet.core.money import format_money

from ..errors import BudgetError, Problem
from ..models import BudgetLine, ExpenditureCode
from ..money import AmountError, Figure, parse_figure
from ..statement import RowType

Cell = object
Grid = list[list[Cell]]
XLSX_MAGIC = b"PK\x03\x04"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '"£"#,##0.00'
# Text a spreadsheet would run as a formula is written with a leading apostrophe (CSV, by
# coopnet.core.csvfiles) or as a string cell (XLSX), and read back without the apostrophe.


def max_bytes() -> int:
    return int(getattr(settings, "COOPNET_BUDGET_IMPORT_MAX_BYTES", 2 * 1024 * 1024))


# --- reading files ------------------------------------------------------------------------------


def read_grid(content: bytes) -> Grid:
    """The cells of a CSV (comma or tab separated, UTF-8) or XLSX file. Raises BudgetError."""
    if len(content) > max_bytes():
        raise BudgetError(_("The file is larger than %(size)d KB.") % {"size": max_bytes() // 1024})
    if not content.strip():
        raise BudgetError(_("The file is empty."))
    if content.startswith(XLSX_MAGIC):
        return _read_xlsx(content)
    if content.startswith(b"%PDF") or b"\x00" in content[:2048]:
        raise BudgetError(_("The file must be a CSV or XLSX spreadsheet."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BudgetError(_("Save the CSV file as UTF-8 and upload it again.")) from exc
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(content: bytes) -> Grid:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise BudgetError(_("The XLSX file cannot be read; save it again and retry.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


# --- what the labels mean -----------------------------------------------------------------------


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _in_languages(*texts: str) -> set[str]:
    """The labels in English and Welsh (a file exported in either language reads back)."""
    found = set()
    for language in ("en", "cy"):
        with translation.override(language):
            found |= {_norm(_(text)) for text in texts}
    return found


def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, texts in {
        "income": ("Income",),
        "expenditure": ("Expenditure",),
        RowType.CARRY_FORWARD: ("Carry Forward", "Balance brought forward"),
        RowType.INCOME_TOTAL: ("Total", "Total income"),
        RowType.EXPENDITURE_TOTAL: ("Expenditure Sub-total", "Expenditure total"),
        RowType.RESERVE: ("Reserve",),
        RowType.RESERVE_TOTAL: ("Total reserve",),
        RowType.BALANCE: ("TOTAL BALANCE", "Balance"),
    }.items():
        labels.update(dict.fromkeys(_in_languages(*texts), key))
    return labels


def _group_code(label: str) -> str | None:
    """The code of a code's total row: "... MF", "MF" or the code's name."""
    words = label.split()
    if words and words[-1].upper() in ExpenditureCode.values:
        return words[-1].upper()
    for code, name in ExpenditureCode.choices:
        if label in _in_languages(str(name)):
            return str(code)
    return None


# --- one year's column -------------------------------------------------------------------------


@dataclass
class ParsedLine:
    kind: str
    name: str
    figure: Figure
    row: int
    code: str = ""


@dataclass
class StatedTotal:
    """A computed row as the file states it, to check against the lines."""

    type: str
    figure: Figure
    row: int
    code: str = ""


@dataclass
class ParsedBudget:
    year: int
    column: str  # the year's column letter
    lines: list[ParsedLine] = field(default_factory=list)
    carry_forward: Figure = field(default_factory=Figure)
    carry_forward_row: int | None = None
    reserve: Figure = field(default_factory=Figure)
    totals: list[StatedTotal] = field(default_factory=list)


class _Reader:
    def __init__(self, grid: Grid, year: int) -> None:
        self.grid = grid
        self.year = year
        self.problems: list[Problem] = []
        self.labels = _labels()

    def problem(self, message: str, row: int | None = None, column: str = "") -> None:
        self.problems.append(Problem(message, row, column))

    def header(self) -> tuple[int, int] | None:
        """(row index, column index) of the year's heading."""
        for r, row in enumerate(self.grid[:10]):
            years = {i: parse_year_label(str(c or "")) for i, c in enumerate(row)}
            found = {y: i for i, y in years.items() if y is not None}
            if not found:
                continue
            if self.year in found:
                return r, found[self.year]
            named = ", ".join(year_label(y) for y in sorted(found))
            self.problem(
                _("No column is headed %(year)s; the years in this row are %(years)s.")
                % {"year": year_label(self.year), "years": named},
                r + 1,
            )
            return None
        self.problem(
            _("The first row must name the membership years, for example %(year)s.")
            % {"year": year_label(self.year)},
            1,
        )
        return None

    def figure(self, cell: Cell, row: int, column: str) -> Figure | None:
        try:
            return parse_figure(cell)
        except AmountError as exc:
            self.problem(str(exc), row, column)
            return None

    def read(self) -> ParsedBudget:
        at = self.header()
        if at is None:
            return ParsedBudget(self.year, "")
        header_row, index = at
        self.parsed = ParsedBudget(self.year, get_column_letter(index + 1))
        self.section = ""
        self.pending: list[ParsedLine] = []
        self.seen: set[tuple[str, str]] = set()
        for r in range(header_row + 1, len(self.grid)):
            row = self.grid[r]
            label = " ".join(unescape(str(row[0])).split()) if row and row[0] is not None else ""
            self.read_row(r + 1, label, row[index] if index < len(row) else None)
        self.finish()
        return self.parsed

    def read_row(self, number: int, label: str, raw: Cell) -> None:
        """One row: a heading, the carry forward, the reserve, a total, or a line."""
        parsed, letter = self.parsed, self.parsed.column
        meaning = self.labels.get(_norm(label))
        code = _group_code(_norm(label)) if self.section == "expenditure" else None
        if meaning in ("income", "expenditure"):
            if meaning == "expenditure" and self.section != "income":
                self.problem(_("“Expenditure” must come after the income lines."), number, "A")
            self.section = meaning
            return
        is_total = meaning in RowType.COMPUTED or code is not None or not label
        if isinstance(raw, str) and raw.strip().startswith("="):
            if not is_total:
                self.problem(_("Enter an amount, not a formula."), number, letter)
            elif code:
                self.close_group(code, number, Figure())  # a formula: the total is not checked
            return
        figure = self.figure(raw, number, letter)
        if figure is None:
            if code:
                self.close_group(code, number, Figure())
            return
        if not label:  # the reserve's total has no label; an empty row has no figure either
            if not figure.is_blank:
                parsed.totals.append(StatedTotal(RowType.RESERVE_TOTAL, figure, number))
        elif self.section == "":
            self.problem(_("Lines must come under an “Income” heading first."), number, "A")
        elif code is not None:
            self.close_group(code, number, figure)
        elif meaning in RowType.COMPUTED:
            if not figure.is_blank:
                parsed.totals.append(StatedTotal(meaning, figure, number))
        elif meaning == RowType.CARRY_FORWARD:
            self.carry_forward(label, number, figure)
        elif meaning == RowType.RESERVE:
            parsed.reserve = figure
            if figure.to_be_confirmed:
                self.problem(_("The reserve must be an amount."), number, letter)
        else:
            self.line(label, number, figure)

    def carry_forward(self, label: str, number: int, figure: Figure) -> None:
        parsed = self.parsed
        if parsed.carry_forward_row is not None:
            self.problem(_("There is more than one carry-forward row."), number, "A")
        parsed.carry_forward_row = number
        parsed.carry_forward = figure
        parsed.lines.append(ParsedLine(BudgetLine.Kind.CARRY_FORWARD, label, Figure(), number))

    def line(self, label: str, number: int, figure: Figure) -> None:
        income = self.section == "income"
        kind = BudgetLine.Kind.INCOME if income else BudgetLine.Kind.EXPENDITURE
        if (kind, _norm(label)) in self.seen:
            self.problem(_("“%(name)s” is listed twice.") % {"name": label}, number, "A")
        if len(label) > 200:
            self.problem(_("A line's name has at most 200 characters."), number, "A")
        self.seen.add((kind, _norm(label)))
        line = ParsedLine(kind, label, figure, number)
        (self.parsed.lines if income else self.pending).append(line)

    def close_group(self, code: str, number: int, figure: Figure) -> None:
        """A code's total row: the lines read since the last one come under the code."""
        parsed = self.parsed
        if any(t.code == code for t in parsed.totals if t.type == RowType.GROUP_TOTAL):
            self.problem(_("The %(code)s total appears twice.") % {"code": code}, number, "A")
        for line in self.pending:
            line.code = code
        parsed.lines.extend(self.pending)
        self.pending = []
        parsed.totals.append(StatedTotal(RowType.GROUP_TOTAL, figure, number, code=code))

    def finish(self) -> None:
        if self.section != "expenditure" and not self.problems:
            self.problem(
                _("The file has no “Income” and “Expenditure” headings in column A."), 2, "A"
            )
        for line in self.pending:
            self.problem(
                _(
                    "“%(name)s” is not followed by the total row of its code (MF, CM, SP, CE, PP "
                    "or LD)."
                )
                % {"name": line.name},
                line.row,
                "A",
            )


def parse(grid: Grid, year: int) -> ParsedBudget:
    """One year's budget from a grid in the statement's layout. Raises BudgetError."""
    reader = _Reader(grid, year)
    parsed = reader.read()
    if reader.problems:
        raise BudgetError(reader.problems)
    return parsed


def check_totals(parsed: ParsedBudget, carry_forward: Decimal, stated: bool) -> list[Problem]:
    """Each total the file states, against what its lines add up to. `carry_forward` is the one
    the budget will have; unless it is the first budget (`stated`), the file must agree with it."""
    problems: list[Problem] = []
    lines = [line for line in parsed.lines if line.kind != BudgetLine.Kind.CARRY_FORWARD]
    stated_figure = parsed.carry_forward
    checkable = not stated and parsed.carry_forward_row and not stated_figure.is_blank
    if checkable and stated_figure.value != carry_forward:
        problems.append(
            Problem(
                _(
                    "The carry forward is the previous year's balance, %(expected)s; the "
                    "file says %(found)s."
                )
                % {
                    "expected": format_money(carry_forward),
                    "found": format_money(parsed.carry_forward.value),
                },
                parsed.carry_forward_row,
                parsed.column,
            )
        )
    income = sum((x.figure.value for x in lines if x.kind == "income"), Decimal(0)) + carry_forward
    spent = sum((x.figure.value for x in lines if x.kind == "expenditure"), Decimal(0))
    by_code = {
        code: sum((x.figure.value for x in lines if x.code == code), Decimal(0))
        for code in ExpenditureCode.values
    }
    expected = {
        RowType.INCOME_TOTAL: income,
        RowType.EXPENDITURE_TOTAL: spent,
        RowType.RESERVE_TOTAL: parsed.reserve.value,
        RowType.BALANCE: income - spent,
    }
    for total in parsed.totals:
        if total.figure.is_blank:
            continue
        should_be = (
            by_code[total.code] if total.type == RowType.GROUP_TOTAL else expected[total.type]
        )
        if total.figure.value != should_be:
            problems.append(
                Problem(
                    _("This total says %(found)s but the figures add up to %(expected)s.")
                    % {
                        "found": format_money(total.figure.value),
                        "expected": format_money(should_be),
                    },
                    total.row,
                    parsed.column,
                )
            )
    return problems
