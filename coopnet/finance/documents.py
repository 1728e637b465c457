"""The invoice as a PDF (WeasyPrint, local fonts only) and the ledger export as CSV."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from coopnet.core import csvfiles
from coopnet.core.pdf import pdf_response as core_pdf_response
from coopnet.core.pdf import render_pdf

from .models import CreditNote, Invoice

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #0b0c0c; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
.header { display: flex; justify-content: space-between; }
.body-details, .bill-to { width: 48%; }
.address { white-space: pre-line; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
th, td { text-align: left; padding: 2mm 1mm; border-bottom: 0.3mm solid #b1b4b6; }
td.money, th.money { text-align: right; }
.total td { font-weight: bold; border-bottom: 0.6mm solid #0b0c0c; }
dl { margin: 0; }
dt { font-weight: bold; float: left; width: 40mm; }
dd { margin: 0 0 1mm 42mm; }
.small { font-size: 8.5pt; color: #505a5f; }
"""


def invoice_context(invoice: Invoice, **extra: Any) -> dict[str, Any]:
    return {
        "invoice": invoice,
        "body": invoice.body,
        "NETWORK_NAME": settings.NETWORK_NAME,
        **extra,
    }


def _pdf(template: str, context: dict[str, Any]) -> bytes:
    return render_pdf(template, context, css=PDF_CSS)


def render_invoice_pdf(invoice: Invoice, credit_notes: Iterable[CreditNote] = ()) -> bytes:
    context = invoice_context(
        invoice,
        credit_notes=list(credit_notes),
        document_title=_("Invoice"),
        document_number=invoice.reference,
    )
    return _pdf("finance/invoice_pdf.html", context)


def render_credit_note_pdf(note: CreditNote) -> bytes:
    context = invoice_context(
        note.invoice, note=note, document_title=_("Credit note"), document_number=note.reference
    )
    return _pdf("finance/credit_note_pdf.html", context)


def invoice_pdf_filename(invoice: Invoice) -> str:
    return f"invoice-{invoice.reference}.pdf"


def invoice_pdf_in_english(invoice: Invoice) -> bytes:
    """For email: the Accountable Body's documents are issued in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_invoice_pdf(invoice, invoice.credit_notes.all())


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    return core_pdf_response(data, filename, download=True)


LEDGER_HEADER = [
    "type",
    "number",
    "date",
    "due_date",
    "customer",
    "customer_ref",
    "membership_year",
    "category",
    "description",
    "purchase_order",
    "net",
    "vat_rate",
    "vat",
    "gross",
    "invoice_number",
]


def _customer_ref(invoice: Invoice) -> str:
    if invoice.organisation is not None:
        return invoice.organisation.slug
    return invoice.person.slug if invoice.person is not None else ""


def ledger_rows(invoices: Iterable[Invoice], notes: Iterable[CreditNote]) -> list[list[str]]:
    """One row per invoice, then one per credit note (amounts negative), for the ledger."""
    rows = []
    for i in invoices:
        rows.append(
            [
                "invoice",
                i.reference,
                i.issued_on.isoformat(),
                i.due_on.isoformat(),
                i.bill_to_name,
                _customer_ref(i),
                i.year_label,
                i.category.code,
                i.description,
                i.purchase_order,
                f"{i.net_amount:.2f}",
                f"{i.vat_rate:.2f}",
                f"{i.vat_amount:.2f}",
                f"{i.total:.2f}",
                i.reference,
            ]
        )
    for n in notes:
        i = n.invoice
        rows.append(
            [
                "credit_note",
                n.reference,
                n.issued_on.isoformat(),
                "",
                i.bill_to_name,
                _customer_ref(i),
                i.year_label,
                i.category.code,
                n.reason,
                i.purchase_order,
                f"{-n.net_amount:.2f}",
                f"{i.vat_rate:.2f}",
                f"{-n.vat_amount:.2f}",
                f"{-n.amount:.2f}",
                i.reference,
            ]
        )
    return rows


def ledger_csv(invoices: Iterable[Invoice], notes: Iterable[CreditNote]) -> str:
    out = io.StringIO()
    writer = csvfiles.writer(out)
    writer.writerow(LEDGER_HEADER)
    writer.writerows(ledger_rows(invoices, notes))
    return out.getvalue()
