"""The Case Studies Pack as a PDF (WeasyPrint): a cover, contents, and one section per case study
with its principle icons.

Each case study is laid out on its own (that is the slow part, and what the progress counts),
numbered from the page it will start on; the cover and contents are laid out last, when every
case study's first page is known; the pages are then joined into one PDF. WeasyPrint reads only
through `coopnet.core.pdf`: the icons are static files, the images media files, each by name.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from coopnet.core import pdf

from .models import CaseStudiesPack, CaseStudy

CONTENTS_PER_PAGE = 28


@dataclass(frozen=True)
class Entry:
    case_study: CaseStudy
    page: int


def _document(template: str, context: dict[str, Any], cache: dict[str, Any]) -> Any:
    """Lay out one HTML document, reading only the project's static and media files; `cache`
    keeps the images (the principle icons) read and parsed once for the whole pack."""
    return pdf.html_document(render_to_string(template, context)).render(cache=cache)


def _image_paths(case_study: CaseStudy) -> list[tuple[str, str]]:
    """Each image as its media storage name under MEDIA_URL (read from any storage, by name)."""
    return [
        (settings.MEDIA_URL + quote(image.image.name or ""), image.alt_text)
        for image in case_study.images.all()
    ]


def front_pages(count: int) -> int:
    """Cover plus contents: the contents list CONTENTS_PER_PAGE case studies a page."""
    return 1 + max(1, math.ceil(count / CONTENTS_PER_PAGE))


def render_pack(
    pack: CaseStudiesPack,
    case_studies: Sequence[CaseStudy],
    progress: Callable[[int], None] = lambda done: None,
) -> bytes:
    context = {"pack": pack, "today": timezone.localdate(), "network": settings.NETWORK_NAME}
    pages: list[Any] = []
    entries: list[Entry] = []
    images: dict[str, Any] = {}
    page = front_pages(len(case_studies)) + 1
    for done, case_study in enumerate(case_studies, start=1):
        document = _document(
            "knowledge/pack/case_study.html",
            {
                **context,
                "case_study": case_study,
                "first_page": page,
                "images": _image_paths(case_study),
            },
            images,
        )
        entries.append(Entry(case_study, page))
        pages += document.pages
        page += len(document.pages)
        progress(done)
    front = _document("knowledge/pack/front.html", {**context, "entries": entries}, images)
    return front.copy([*front.pages, *pages]).write_pdf(pdf_tags=True)
