"""The one upload check: a file's type from its content, its size, never its name."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coopnet.core.uploads import DOCX, JPEG, PDF, PNG, UploadRefused, checked_type, detected_type


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n...", PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00", PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", JPEG),
        (docx_bytes(), DOCX),
        (plain_zip(), None),
        (b"<html><script>alert(1)</script>", None),
        (b"MZ\x90\x00", None),
    ],
)
def test_the_type_comes_from_the_content(content, kind):
    upload = SimpleUploadedFile("anything.pdf", content)
    assert detected_type(upload) == kind
    assert upload.tell() == 0


def test_a_file_named_pdf_that_is_not_one_is_refused():
    upload = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>")
    with pytest.raises(UploadRefused, match="PDF, PNG"):
        checked_type(upload, accepted=(PDF, PNG), max_bytes=1000)


def test_an_accepted_type_outside_the_list_is_refused():
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n\x00")
    with pytest.raises(UploadRefused):
        checked_type(upload, accepted=(PDF,), max_bytes=1000)


def test_empty_and_too_big_files_are_refused():
    with pytest.raises(UploadRefused, match="empty"):
        checked_type(SimpleUploadedFile("a.pdf", b""), accepted=(PDF,), max_bytes=1000)
    big = SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 2 * 1024 * 1024)
    with pytest.raises(UploadRefused, match="smaller than 1 MB"):
        checked_type(big, accepted=(PDF,), max_bytes=1024 * 1024)


def test_a_good_file_returns_its_type():
    upload = SimpleUploadedFile("x.bin", docx_bytes())
    assert checked_type(upload, accepted=(PDF, DOCX), max_bytes=10**6) == DOCX
