"""Checks on uploaded files: size limits from settings, and the type read from the file itself."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from coopnet.core.uploads import starts_like_pdf

MB = 1024 * 1024
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def max_pdf_bytes() -> int:
    return int(getattr(settings, "COOPNET_KNOWLEDGE_MAX_PDF_BYTES", 20 * MB))


def max_image_bytes() -> int:
    return int(getattr(settings, "COOPNET_KNOWLEDGE_MAX_IMAGE_BYTES", 5 * MB))


def _check_size(file: Any, limit: int) -> None:
    size = getattr(file, "size", None)
    if size is None or size > limit:
        raise ValidationError(
            _("The file is too big: the limit is %(limit)s.") % {"limit": filesizeformat(limit)},
            code="too_big",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def validate_pdf(file: Any) -> None:
    """A PDF no bigger than the limit, recognised by its first bytes (%PDF-), not its name."""
    _check_size(file, max_pdf_bytes())
    if not (file.name or "").lower().endswith(".pdf") or not starts_like_pdf(file):
        raise ValidationError(_("The file must be a PDF."), code="not_pdf")


def validate_image(file: Any) -> None:
    """A JPEG, PNG, GIF or WebP image no bigger than the limit, as Pillow reads it."""
    from PIL import Image, UnidentifiedImageError

    _check_size(file, max_image_bytes())
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file must be an image (JPEG, PNG, GIF or WebP)."), code="not_image"
        ) from exc
    finally:
        file.seek(position)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(
            _("The file must be an image (JPEG, PNG, GIF or WebP)."), code="not_image"
        )
