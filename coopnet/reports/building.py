"""Laying out one generation of a document: the background work the task runs.

Each section is built in turn (progress is saved after each one), the figures they print are
stored as JSON, and the PDF is laid out and saved with its page count.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.reports import sections_for

from . import document
from .models import GeneratedReport
from .sections import narrative_of

logger = logging.getLogger(__name__)
BUILDER = System("build_report")


def pdf_pages(content: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(content)).pages)


def _start(report_id: int) -> GeneratedReport | None:
    with transaction.atomic():
        report = GeneratedReport.objects.select_for_update(of=("self",)).get(pk=report_id)
        if report.state != GeneratedReport.State.QUEUED:
            return None  # already built, or being built by another worker
        report.state = GeneratedReport.State.BUILDING
        report.done = 0
        report.total = len(sections_for(report.kind)) + 1  # every section, then the layout
        report.save(update_fields=["state", "done", "total"])
        return report


def inputs_of(kind: str, year: int) -> dict[str, object]:
    """What a generation is made from besides the records: the staff-written text of the year."""
    narrative = narrative_of(year)
    return {
        "kind": kind,
        "year": year,
        "narrative_version": narrative.history.count() if narrative.pk else 0,
        "narrative": {
            "welcome": narrative.welcome,
            "highlights": narrative.highlights,
            "aim": narrative.aim,
            "activities": narrative.activities,
            "lead_member": narrative.lead_member,
            "lead_officer": narrative.lead_officer,
        },
    }


def report_build(*, report_id: int) -> GeneratedReport:
    with acting_as(BUILDER):
        report = _start(report_id)
        if report is None:
            return GeneratedReport.objects.get(pk=report_id)
        try:

            def progress(done: int, total: int) -> None:
                GeneratedReport.objects.filter(pk=report_id).update(done=done)

            doc = document.document(report.kind, report.year, progress)
            laid_out = document.render_pdf(doc)
            pages = pdf_pages(laid_out)
        except Exception as exc:
            logger.exception("Report %s failed", report_id)
            with transaction.atomic():
                GeneratedReport.objects.filter(pk=report_id).update(
                    state=GeneratedReport.State.FAILED,
                    error=str(exc)[:2000],
                    finished_at=timezone.now(),
                )
                report.refresh_from_db()
                audit_record(by=BUILDER, action="report.failed", target=report)
            return report
        report.refresh_from_db()
        report.file.save(
            f"{report.kind}-{report.label.replace('/', '-')}-{report.pk}.pdf",
            ContentFile(laid_out),
            save=False,
        )
        report.figures = doc.figures
        report.inputs = inputs_of(report.kind, report.year)
        report.pages = pages
        report.state = GeneratedReport.State.READY
        report.done = report.total
        report.finished_at = timezone.now()
        with transaction.atomic():
            report.save()
            audit_record(by=BUILDER, action="report.built", target=report)
        return report
