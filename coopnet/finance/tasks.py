"""Background work for finance: invoice and reminder emails, with the invoice attached."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.mail import letters

from . import documents, selectors
from .models import Invoice, Reminder

INVOICE_EMAILS = System("invoice_emails")
REMINDER_EMAILS = System("invoice_reminders")
logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(invoice_id: int, template: str, extra: dict[str, object]) -> list[str]:
    invoice = Invoice.objects.select_related("organisation", "person", "category").get(
        pk=invoice_id
    )
    recipients = selectors.invoice_recipients(invoice)
    if not recipients:
        return []
    context = {
        "invoice": invoice,
        "network": settings.NETWORK_NAME,
        "url": _absolute(reverse("finance:invoice_detail", args=[invoice.reference])),
        **extra,
    }
    # The invoice itself is one document, in English, whichever language its covering email is in.
    with translation.override(settings.LANGUAGE_CODE):
        filename = documents.invoice_pdf_filename(invoice)
    pdf = documents.invoice_pdf_in_english(invoice)
    for letter in letters(f"finance/email/{template}", context, recipients):
        email = EmailMessage(letter.subject, letter.body, None, letter.to)
        email.attach(filename, pdf, "application/pdf")
        email.send()
    return recipients


@task()
def send_invoice_email(*, invoice_id: int) -> None:
    with acting_as(INVOICE_EMAILS):
        _email_invoice(invoice_id)


@task()
def send_invoice_emails(*, invoice_ids: Sequence[int]) -> None:
    """Email a batch of a run's invoices, each not yet emailed. One that fails (a mail server
    refusing an address) does not stop the others: it stays unsent (no `sent_at`), is logged,
    and the task fails at the end, naming how many were not sent."""
    failed = 0
    with acting_as(INVOICE_EMAILS):
        unsent = Invoice.objects.filter(pk__in=list(invoice_ids), sent_at__isnull=True)
        for invoice_id in unsent.order_by("number").values_list("pk", flat=True):
            try:
                _email_invoice(invoice_id)
            except Exception:
                failed += 1
                logger.exception("Invoice %s could not be emailed", invoice_id)
    if failed:
        raise RuntimeError(f"{failed} of {len(invoice_ids)} invoices could not be emailed")


def _email_invoice(invoice_id: int) -> None:
    recipients = _send(invoice_id, "invoice", {})
    if not recipients:
        return
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update(of=("self",)).get(pk=invoice_id)
        invoice.sent_to = ", ".join(recipients)[:500]
        invoice.sent_at = timezone.now()
        invoice.save(update_fields=["sent_to", "sent_at"])
        audit_record(
            by=INVOICE_EMAILS,
            action="invoice.emailed",
            target=invoice,
            summary=_("%(invoice)s emailed to %(to)s")
            % {"invoice": invoice.reference, "to": invoice.sent_to},
            about=[invoice.organisation, invoice.person],
        )


@task()
def send_reminder_email(*, reminder_id: int) -> None:
    with acting_as(REMINDER_EMAILS):
        reminder = Reminder.objects.get(pk=reminder_id)
        balance = selectors.balance_of(reminder.invoice)
        _send(reminder.invoice_id, "reminder", {"reminder": reminder, "owed": balance.outstanding})
