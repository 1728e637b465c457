"""The budget statement as a PDF section (WeasyPrint), from the same rows as the web page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse

from coopnet.core.pdf import pdf_response as core_pdf_response
from coopnet.core.pdf import render_pdf as core_render_pdf

from .statement import Statement

PDF_CSS = """
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #0b0c0c; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
p { margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; font-weight: bold; margin-bottom: 2mm; }
th, td { padding: 1.2mm 1.5mm; border-bottom: 0.3pt solid #b1b4b6; text-align: left; }
.num { text-align: right; white-space: nowrap; }
.total th, .total td { font-weight: bold; }
.heading th { font-weight: bold; background: #f3f2f1; }
.balance th, .balance td { border-top: 1pt solid #0b0c0c; }
ul { margin: 2mm 0 0; padding-left: 5mm; }
"""


def render_pdf(statement: Statement) -> bytes:
    return core_render_pdf(
        "budgets/statement_pdf.html",
        {"statement": statement, "NETWORK_NAME": settings.NETWORK_NAME},
        css=PDF_CSS,
    )


def pdf_response(statement: Statement) -> HttpResponse:
    name = statement.label.replace("/", "-")
    return core_pdf_response(render_pdf(statement), f"budget-statement-{name}.pdf")
