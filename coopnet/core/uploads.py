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


# The image formats the site accepts, by what Pillow reads in the file, with the extension the
# stored file gets (the uploaded name is never trusted).
IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def image_format(file: Any) -> str | None:
    """The format of an image as its content says ("JPEG", "PNG", "WEBP"), or None when the file
    is not a whole image of one of those formats (Pillow reads and verifies it)."""
    from PIL import Image, UnidentifiedImageError

    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(position)
    return kind if kind in IMAGE_EXTENSIONS else None


def stored_image_name(stem: str, kind: str) -> str:
    """The name an accepted image is stored under: its stem and the extension of its format."""
    return f"{stem}.{IMAGE_EXTENSIONS[kind]}"


# What a file is, told from its content. The stored name takes its extension from here, never from
# the name the uploader gave.
PDF, PNG, JPEG, WEBP, GIF, DOCX = "pdf", "png", "jpeg", "webp", "gif", "docx"
IMAGE_TYPES = (PNG, JPEG, WEBP, GIF)
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", WEBP: "webp", GIF: "gif", DOCX: "docx"}
CONTENT_TYPES = {
    PDF: "application/pdf",
    PNG: "image/png",
    JPEG: "image/jpeg",
    WEBP: "image/webp",
    GIF: "image/gif",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
_ZIP_MAGIC = b"PK\x03\x04"


def _is_docx(file: Any) -> bool:
    """A DOCX is a ZIP archive holding a Word document part."""
    import zipfile

    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(position)


def detected_type(file: Any) -> str | None:
    """PDF, PNG, JPEG, WebP, GIF or DOCX by the file's first bytes (and a DOCX's parts); None
    otherwise."""
    head = first_bytes(file, 12)
    if head.startswith(PDF_MAGIC):
        return PDF
    if head.startswith(_PNG_MAGIC):
        return PNG
    if head.startswith(_JPEG_MAGIC):
        return JPEG
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(_ZIP_MAGIC) and _is_docx(file):
        return DOCX
    return None


def name_by_content(upload: Any, kind: str | None = None) -> None:
    """Give an accepted upload the name it is stored under: random, so nobody can guess it, with
    the extension of the type its content shows (`kind`, or detected here); the name the uploader
    gave is never kept. Call it after the upload has passed its check."""
    import secrets

    kind = kind or detected_type(upload)
    if kind is None:
        raise ValueError("name_by_content() is for an upload whose type has been checked")
    upload.name = f"{secrets.token_hex(8)}.{EXTENSIONS[kind]}"


class UploadRefused(ValueError):
    """The file is empty, too big, or not one of the accepted types; the message says which."""


def checked_type(file: Any, *, accepted: tuple[str, ...], max_bytes: int) -> str:
    """The one upload check: not empty, within `max_bytes`, and by content one of `accepted`.
    Returns the detected type (for the stored extension); raises UploadRefused otherwise."""
    from django.utils.translation import gettext as _

    size = getattr(file, "size", None)
    if not size:
        raise UploadRefused(_("The file is empty."))
    if size > max_bytes:
        raise UploadRefused(
            _("The file must be smaller than %(mb)s MB.") % {"mb": round(max_bytes / (1024 * 1024))}
        )
    kind = detected_type(file)
    if kind is None or kind not in accepted:
        names = ", ".join(EXTENSIONS[k].upper() for k in accepted)
        raise UploadRefused(_("The file must be one of: %(types)s.") % {"types": names})
    return kind
