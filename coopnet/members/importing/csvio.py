"""Reading and writing the registry's CSV files: size, type and encoding checks, rows, cells.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first data row is row 2.
Cells are written by the project's one CSV writer (`coopnet.core.csvfiles`), which escapes what a
spreadsheet would run as a formula; they are read back here without the escape, so an export opened
in a spreadsheet runs nothing and re-imports to the same values.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from coopnet.core.csvfiles import (  # noqa: F401  (re-exported for the importers)
    FORMULA_TRIGGERS,
    Writable,
    cell_text,
    escape,
    unescape,
    write_table,
)
from coopnet.core.errors import DomainError

TRUE_WORDS = frozenset({"yes", "y", "true", "t", "1"})
FALSE_WORDS = frozenset({"no", "n", "false", "f", "0"})
CSV_CONTENT_TYPES = frozenset(
    {
        "text/csv",
        "text/x-csv",
        "text/comma-separated-values",
        "application/csv",
        "application/x-csv",
        "application/vnd.ms-excel",  # what Windows reports for .csv when Excel is installed
        "text/plain",
        "application/octet-stream",  # some browsers send this for any file they do not know
        "",
    }
)


@dataclass(frozen=True)
class RowError:
    """One reason a file was refused. row is None for the file as a whole; 1 is the header."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return _("Row %(row)d, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


class CsvFileError(DomainError):
    """The file cannot be read as an import: wrong type, too big, not UTF-8, bad header."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(e) for e in errors), code="invalid_file")
        self.errors = errors

    @classmethod
    def about_file(cls, message: str) -> CsvFileError:
        return cls([RowError(None, "", message)])


@dataclass(frozen=True)
class CsvRow:
    number: int
    values: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    columns: tuple[str, ...]
    rows: list[CsvRow]


def max_bytes() -> int:
    return int(settings.IMPORT_MAX_BYTES)


def too_big_message() -> str:
    return _("The file is too big: the limit is %(limit)s.") % {
        "limit": filesizeformat(max_bytes())
    }


def _too_big() -> CsvFileError:
    return CsvFileError.about_file(too_big_message())


def read_upload(upload: UploadedFile) -> bytes:
    """The bytes of an uploaded file, once its name, type and size are those of an import."""
    name = (upload.name or "").lower()
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if not name.endswith(".csv") or content_type not in CSV_CONTENT_TYPES:
        raise CsvFileError.about_file(
            _("The file must be a CSV file (.csv). Save the spreadsheet as “CSV UTF-8”.")
        )
    if upload.size is None or upload.size > max_bytes():
        raise _too_big()
    return upload.read()


def decode(data: bytes) -> str:
    """UTF-8 text, with or without a byte order mark; anything else is refused."""
    if len(data) > max_bytes():
        raise _too_big()
    not_utf8 = CsvFileError.about_file(
        _("The file is not UTF-8 text. Save the spreadsheet as “CSV UTF-8” and try again.")
    )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise not_utf8
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8 from exc
    if "\x00" in text:
        raise CsvFileError.about_file(_("The file is not a CSV file: it holds binary data."))
    return text


def _header_errors(
    header: list[str], required: Sequence[str], optional: Sequence[str]
) -> list[RowError]:
    errors = [RowError(1, col, _("This required column is missing.")) for col in required]
    errors = [e for e in errors if e.column not in header]
    known = set(required) | set(optional)
    seen: set[str] = set()
    for col in header:
        if not col:
            errors.append(RowError(1, "", _("A column has no name.")))
        elif col not in known:
            errors.append(
                RowError(
                    1,
                    col,
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join([*required, *optional])},
                )
            )
        elif col in seen:
            errors.append(RowError(1, col, _("This column appears twice.")))
        seen.add(col)
    return errors


def read_table(data: bytes, *, required: Sequence[str], optional: Sequence[str]) -> CsvTable:
    """Decode and parse; check the header. Raises CsvFileError if the file cannot be used."""
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        message = _("This is not valid CSV (%(error)s).") % {"error": exc}
        raise CsvFileError([RowError(len(records) + 1, "", message)]) from exc
    if not records:
        raise CsvFileError.about_file(_("The file is empty."))
    header = [cell.strip().lower() for cell in records[0]]
    errors = _header_errors(header, required, optional)
    rows: list[CsvRow] = []
    for number, record in enumerate(records[1:], start=2):
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue
        if any(cells[len(header) :]):
            errors.append(RowError(number, "", _("This row has more cells than the header.")))
            continue
        cells += [""] * (len(header) - len(cells))
        values = dict(zip(header, map(unescape, cells), strict=False))  # extra cells are blank
        rows.append(CsvRow(number, values))
    if not errors and not rows:
        errors.append(RowError(None, "", _("The file has a header but no rows to import.")))
    if errors:
        raise CsvFileError(errors)
    return CsvTable(tuple(header), rows)


def parse_bool(text: str) -> bool | None:
    """yes/no, true/false, 1/0 (any case); None if it is none of them."""
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None
