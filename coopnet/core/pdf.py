"""Documents as PDF (WeasyPrint): one way to lay out a template and one way to send it.

Only local files may be read while laying out (the templates use the project's own assets), so a
document never fetches anything from the network.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict[str, Any], *, css: str = "") -> bytes:
    """The template laid out as a PDF, with `css` as an extra stylesheet."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context)
    document = HTML(
        string=html,
        base_url=str(settings.BASE_DIR),
        url_fetcher=URLFetcher(allowed_protocols={"file"}),
    )
    stylesheets = [CSS(string=css)] if css else []
    return bytes(document.write_pdf(stylesheets=stylesheets))


def pdf_response(pdf: bytes, filename: str, *, download: bool = False) -> HttpResponse:
    """A PDF shown in the browser (or, with `download`, saved as a file) under `filename`."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
