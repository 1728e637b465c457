"""What every upload check shares: reading a file's first bytes without moving it."""

from __future__ import annotations

from typing import Any

PDF_MAGIC = b"%PDF-"


def first_bytes(file: Any, n: int) -> bytes:
    """The first `n` bytes of an open file; its position is put back afterwards."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(n)
    file.seek(position)
    return bytes(head)


def starts_like_pdf(file: Any) -> bool:
    """Recognise a PDF by its content (the "%PDF-" header), never by its name alone."""
    return first_bytes(file, len(PDF_MAGIC)) == PDF_MAGIC
