"""The one CSV writer: every export that can reach a spreadsheet is written through it.

A text cell that a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, a tab or a
carriage return) is written with a leading apostrophe, so `=HYPERLINK(...)` typed into a purchase
order arrives as text; a cell that already starts with an apostrophe gets one more, so `unescape`
gives back exactly what was typed. Numbers are written as numbers (a negative amount stays `-5.00`),
dates as ISO 8601, booleans as yes/no. Lines end CRLF, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from django.http import HttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# "-5.00" written as text is a number, not a formula: it is left as it is.
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class Writable(Protocol):
    """Anything with write(str): a text file, sys.stdout, an HttpResponse."""

    def write(self, text: str, /) -> Any: ...


def escape(cell: str) -> str:
    """A text cell as a spreadsheet will show it, never run it."""
    if PLAIN_NUMBER.fullmatch(cell):
        return cell
    if cell.startswith((*FORMULA_TRIGGERS, "'")):
        return "'" + cell
    return cell


def unescape(cell: str) -> str:
    """What `escape` was given (imports read back what exports wrote)."""
    if cell.startswith("'") and cell[1:2] and cell[1] in (*FORMULA_TRIGGERS, "'"):
        return cell[1:]
    return cell


def cell_text(value: object) -> str:
    """A value as CSV text, before escaping."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def safe_cell(value: object) -> str:
    """A value ready for a CSV row: numbers as they are, any text escaped."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    return escape(cell_text(value))


class SafeWriter:
    """`csv.writer` that escapes every cell it writes."""

    def __init__(self, out: Writable) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Writable) -> SafeWriter:
    return SafeWriter(out)


def write_table(
    out: Writable, columns: Sequence[str], rows: Iterable[Mapping[str, object]]
) -> None:
    """A header of `columns`, then one line per mapping (a missing key is an empty cell)."""
    w = writer(out)
    w.writerow(columns)
    for row in rows:
        w.writerow([row.get(col) for col in columns])


def csv_response(filename: str) -> HttpResponse:
    """An empty CSV download named `filename`, to be written to with `writer(response)`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
