"""Emails about bids and projects, sent after the transaction that caused them commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coopnet.core.mail import letters

from .models import Decision, ProgressReport
from .permissions import funding_managers
from .selectors import profile_manager_emails


def _manager_emails(organisation_id: int | None) -> list[str]:
    """Email addresses of the people who manage an organisation's profile today."""
    if organisation_id is None:
        return []
    return profile_manager_emails(organisation_id, timezone.localdate())


def _send(template: str, context: dict, recipients: list[str]) -> None:
    if not recipients:
        return
    context = {**context, "network": settings.NETWORK_NAME}
    for letter in letters(f"funding/email/{template}", context, recipients):
        send_mail(letter.subject, letter.body, None, letter.to)


def _url(name: str, **kwargs: object) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


@task()
def send_decision_email(*, decision_id: int) -> None:
    """Tell the applicant the outcome, with the meeting's feedback."""
    decision = Decision.objects.select_related(
        "bid__round", "bid__lead", "bid__created_by", "meeting"
    ).get(pk=decision_id)
    bid = decision.bid
    recipients = set(_manager_emails(bid.lead_id))
    if bid.created_by and bid.created_by.email:
        recipients.add(bid.created_by.email)
    _send(
        "decision",
        {"decision": decision, "bid": bid, "url": _url("funding:bid", pk=bid.pk)},
        sorted(recipients),
    )


def _report(report_id: int) -> ProgressReport:
    return ProgressReport.objects.select_related("project__lead").get(pk=report_id)


@task()
def send_report_reminder(*, report_id: int) -> None:
    report = _report(report_id)
    _send(
        "report_reminder",
        {"report": report, "url": _url("funding:report", pk=report.pk)},
        _manager_emails(report.project.lead_id),
    )


@task()
def send_report_submitted_email(*, report_id: int) -> None:
    report = _report(report_id)
    staff = [user.email for user in funding_managers() if user.email]
    _send(
        "report_submitted",
        {"report": report, "url": _url("funding:report_review", pk=report.pk)},
        sorted(set(staff)),
    )


@task()
def send_report_reviewed_email(*, report_id: int) -> None:
    report = _report(report_id)
    _send(
        "report_reviewed",
        {"report": report, "url": _url("funding:report", pk=report.pk)},
        _manager_emails(report.project.lead_id),
    )
