"""The Case Studies Pack as a PDF (WeasyPrint): a cover, contents, and one section per case study
with its principle icons.

Each case study is laid out on its own (that is the slow part, and what the progress counts),
numbered from the page it will start on; the cover and contents are laid out last, when every
case study's first page is known; the pages are then joined into one PDF. Only local files are
read: the icons come from this app's static folder (base_url), images from media storage.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .models import CaseStudiesPack, CaseStudy

STATIC = Path(__file__).resolve().parent / "static" / "knowledge"
CONTENTS_PER_PAGE = 28


@dataclass(frozen=True)
class Entry:
    case_study: CaseStudy
    page: int


def _document(template: str, context: dict[str, Any]) -> Any:
    """Lay out one HTML document; only local files may be read (no network access)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context)
    fetcher = URLFetcher(allowed_protocols={"file"})
    return HTML(string=html, base_url=str(STATIC) + "/", url_fetcher=fetcher).render()


def _image_paths(case_study: CaseStudy) -> list[tuple[str, str]]:
    found = []
    for image in case_study.images.all():
        try:
            found.append((Path(image.image.path).as_uri(), image.alt_text))
        except (NotImplementedError, ValueError):  # remote storage: leave the image out
            continue
    return found


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
        )
        entries.append(Entry(case_study, page))
        pages += document.pages
        page += len(document.pages)
        progress(done)
    front = _document("knowledge/pack/front.html", {**context, "entries": entries})
    return front.copy([*front.pages, *pages]).write_pdf()
