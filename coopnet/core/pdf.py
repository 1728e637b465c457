"""Documents as PDF (WeasyPrint): one way to lay out a template and one way to send it.

While laying out a document WeasyPrint reads only through `pdf_files.ProjectFiles`: the
project's static files and the media storage's own files, each found by name under `STATIC_URL`
or `MEDIA_URL`, none larger than `COOPNET_PDF_MAX_RESOURCE_BYTES` (10 MB), and `data:` URIs (the
charts). Everything else — `file:` URLs, other servers, any other path on this server — is
refused, so WeasyPrint leaves it out: a document never reads the server's own files or the
network.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string


def html_document(html: str) -> Any:
    """A WeasyPrint document of `html` that reads only through `ProjectFiles`."""
    from weasyprint import HTML

    from .pdf_files import ProjectFiles, base_url

    return HTML(string=html, base_url=base_url(), url_fetcher=ProjectFiles())


def render_pdf(template: str, context: dict[str, Any], *, css: str = "") -> bytes:
    """The template laid out as a PDF, with `css` as an extra stylesheet."""
    from weasyprint import CSS

    document = html_document(render_to_string(template, context))
    stylesheets = (
        [CSS(string=css, base_url=document.base_url, url_fetcher=document.url_fetcher)]
        if css
        else []
    )
    # Tagged (headings, paragraphs, tables, images with their alt text): readable by a screen
    # reader, in the language the template sets on <html>.
    return bytes(document.write_pdf(stylesheets=stylesheets, pdf_tags=True))


WARM_UP_HTML = (
    '<html lang="en"><body style="font-family: \'Liberation Sans\', sans-serif">'
    "<h1>coopnet</h1><p>A <b>first</b> page.</p><table><tr><td>1</td></tr></table></body></html>"
)


def warm_up() -> None:
    """Import WeasyPrint and lay out one small page, so that the first real document a process
    builds does not pay for loading the library, Pango and the fonts (about 2 s). The task worker
    calls it when it starts."""
    html_document(WARM_UP_HTML).write_pdf(pdf_tags=True)


def pdf_response(pdf: bytes, filename: str, *, download: bool = False) -> HttpResponse:
    """A PDF shown in the browser (or, with `download`, saved as a file) under `filename`."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
