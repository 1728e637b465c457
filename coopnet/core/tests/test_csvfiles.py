"""The one CSV writer: formulas arrive as text, numbers as numbers, and every export uses it."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from coopnet.core.csvfiles import safe_cell, unescape, write_table, writer

ROOT = Path(__file__).resolve().parents[2]


def test_formula_cells_are_written_as_text_and_read_back_as_typed():
    for typed in ['=HYPERLINK("http://evil")', "+1", "@SUM(A1)", "-1+2", "\tx", "'quoted"]:
        written = safe_cell(typed)
        assert written.startswith("'"), typed
        assert unescape(written) == typed


def test_numbers_dates_and_booleans_are_written_plainly():
    assert safe_cell(Decimal("-5.00")) == "-5.00"
    assert safe_cell("-5.00") == "-5.00"
    assert safe_cell(3) == "3"
    assert safe_cell(date(2024, 7, 31)) == "2024-07-31"
    assert safe_cell(True) == "yes"
    assert safe_cell(None) == ""


def test_rows_end_crlf_and_survive_a_csv_reader():
    out = io.StringIO()
    write_table(out, ["name", "po"], [{"name": "Oldham, Council", "po": "=1+1"}])
    assert out.getvalue().endswith("\r\n")
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["name", "po"],
        ["Oldham, Council", "'=1+1"],
    ]
    out = io.StringIO()
    writer(out).writerows([["a", "@x"]])
    assert out.getvalue() == "a,'@x\r\n"


def test_no_module_writes_csv_except_through_the_one_writer():
    offenders = []
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or path.name == "csvfiles.py" or ".venv" in path.parts:
            continue
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
