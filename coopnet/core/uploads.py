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
