"""One document laid out from its registered sections: the same sections make the web page and
the PDF, so the two print the same figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from coopnet.core import pdf
from coopnet.core.membership_year import year_end, year_label, year_start
from coopnet.core.reports import BuiltSection, build_sections, printed_figures

from .models import Kind

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35;
       color: #0b0c0c; }
h1 { font-size: 24pt; color: #1d5c4d; margin: 0 0 4mm; }
h2 { font-size: 15pt; color: #1d5c4d; margin: 0 0 3mm; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; }
.report-section { break-before: page; }
.report-cover { text-align: left; padding-top: 60mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
caption { text-align: left; font-weight: bold; margin-bottom: 2mm; }
th, td { padding: 1mm 1.5mm; border-bottom: 0.3pt solid #b1b4b6; text-align: left;
         vertical-align: top; }
.govuk-visually-hidden { display: none; }
.report-columns { columns: 2; list-style: none; padding: 0; }
.report-figure--published { color: #6f2b00; }
.report-figure__note, .report-partial { font-size: 8.5pt; color: #505a5f; }
dl { margin: 0; } dt { font-weight: bold; } dd { margin: 0 0 2mm 0; }
a { color: #1d5c4d; }
"""


@dataclass
class Document:
    kind: str
    year: int
    sections: list[BuiltSection]

    @property
    def title(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def label(self) -> str:
        return year_label(self.year)

    def context(self) -> dict[str, Any]:
        return {
            "document": self,
            "sections": self.sections,
            "start": year_start(self.year),
            "end": year_end(self.year),
            "NETWORK_NAME": settings.NETWORK_NAME,
        }

    @property
    def figures(self) -> dict[str, Any]:
        return printed_figures(self.sections)


def document(kind: str, year: int, progress: Callable[[int, int], None] | None = None) -> Document:
    return Document(kind, year, build_sections(kind, year, progress))


def render_pdf(doc: Document) -> bytes:
    return pdf.render_pdf("reports/document_pdf.html", doc.context(), css=PDF_CSS)


def render_html(doc: Document) -> str:
    return render_to_string("reports/_document_body.html", doc.context())
