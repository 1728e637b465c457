"""Writes of the reports: a year's text, generating a document (queued, built in the
background), regenerating it, and publishing a Review of the Year."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.core.actors import Actor
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.reports import KINDS

from .errors import ReportError
from .models import GeneratedReport, Kind, YearNarrative
from .tasks import build_report

NARRATIVE_FIELDS = ("welcome", "highlights", "aim", "activities", "lead_member", "lead_officer")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def narrative_save(*, year: int, by: Actor, **text: Any) -> YearNarrative:
    """Write (or rewrite) the staff-written text of a year; every version is kept."""
    require(by, "reports.write_narrative")
    unknown = set(text) - set(NARRATIVE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    cleaned = {name: (value or "").strip() for name, value in text.items()}
    with transaction.atomic():
        narrative = YearNarrative.objects.select_for_update(of=("self",)).filter(year=year).first()
        if narrative is None:
            narrative = YearNarrative.objects.create(year=year, **cleaned)
        else:
            for name, value in cleaned.items():
                setattr(narrative, name, value)
            narrative.save()
        audit_record(by=by, action="report_text.saved", target=narrative)
    return narrative


def report_request(
    *, kind: str, year: int, by: Actor, regenerates: GeneratedReport | None = None
) -> GeneratedReport:
    """Record a generation and queue the task that builds it (once this transaction commits)."""
    require(by, "reports.generate")
    if kind not in KINDS:
        raise ReportError(_("Choose a document to generate."), field="kind")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ReportError(_("Choose a membership year."), field="year")
    with transaction.atomic():
        report = GeneratedReport.objects.create(
            kind=kind,
            year=year,
            requested_by=by if isinstance(by, User) else None,
            regenerates=regenerates,
        )
        audit_record(by=by, action="report.requested", target=report)
    transaction.on_commit(lambda: build_report.enqueue(report_id=report.pk))
    return report


def report_regenerate(*, report: GeneratedReport, by: Actor) -> GeneratedReport:
    """A new generation of the same document and year, from the data as it is now."""
    return report_request(kind=report.kind, year=report.year, by=by, regenerates=report)


def report_publish(*, report: GeneratedReport, by: Actor) -> GeneratedReport:
    """Make a finished Review of the Year public; it replaces the year's earlier published one."""
    require(by, "reports.publish")
    with transaction.atomic():
        report = GeneratedReport.objects.select_for_update(of=("self",)).get(pk=report.pk)
        if not report.is_ready:
            raise ReportError(_("Only a finished generation can be published."))
        if report.kind != Kind.REVIEW:
            raise ReportError(_("Only a Review of the Year is published on the site."))
        GeneratedReport.objects.filter(kind=report.kind, year=report.year).exclude(
            pk=report.pk
        ).update(published_at=None)
        report.published_at = timezone.now()
        report.save(update_fields=["published_at"])
        audit_record(by=by, action="report.published", target=report)
    return report
