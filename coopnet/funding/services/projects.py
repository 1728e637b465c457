"""Projects: created from an approved bid; agreement, reports, status, outputs and follow-up."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.slugs import unique_slug
from coopnet.members.models import Organisation

from .. import tasks
from ..errors import FundingError
from ..models import (
    Bid,
    Decision,
    FollowUpReview,
    PaymentInstalment,
    ProgressReport,
    Project,
    ProjectMilestone,
)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def unique_project_slug(title: str, year: int | None) -> str:
    return unique_slug(Project, f"{title} {year or ''}", fallback="project")


def report_schedule(start: date, end: date) -> list[tuple[str, date]]:
    """Progress reports every few months while the project runs, and a final report at its end."""
    every = setting("COOPNET_FUNDING_REPORT_EVERY_MONTHS", 3)
    n = 1
    result: list[tuple[str, date]] = []
    while (due := add_months(start, every * n)) < end:
        result.append((ProgressReport.Kind.PROGRESS, due))
        n += 1
    result.append((ProgressReport.Kind.FINAL, end))
    return result


def _payments(project: Project, amount: Decimal) -> None:
    first_share = Decimal(setting("COOPNET_FUNDING_FIRST_PAYMENT_PERCENT", 50)) / 100
    first = (amount * first_share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    PaymentInstalment.objects.bulk_create(
        [
            PaymentInstalment(
                project=project,
                trigger=PaymentInstalment.Trigger.ON_SIGNATURE,
                amount=first,
                order=1,
            ),
            PaymentInstalment(
                project=project,
                trigger=PaymentInstalment.Trigger.ON_FINAL_REPORT,
                amount=amount - first,
                order=2,
            ),
        ]
    )


def project_from_bid(*, bid: Bid, decision: Decision, on: date) -> Project:
    """The approved bid becomes a project (called inside decision_record's transaction)."""
    assert decision.amount is not None
    start = bid.starts_on or on
    end = bid.ends_on or add_months(start, 9)
    partners = [p.organisation_id for p in bid.partners.all()]
    project = Project.objects.create(
        slug=unique_project_slug(bid.title, bid.round.year),
        bid=bid,
        round=bid.round,
        scheme=bid.scheme,
        title=bid.title,
        summary=bid.summary,
        lead=bid.lead,
        led_by_network=bid.led_by_network,
        amount=decision.amount,
        awarded_on=on,
        starts_on=start,
        ends_on=end,
        status=Project.Status.ACTIVE,
    )
    project.partners.set(partners)
    project.participants.set([*partners, *([bid.lead_id] if bid.lead_id else [])])
    project.principles.set(bid.principles.all())
    ProjectMilestone.objects.bulk_create(
        ProjectMilestone(project=project, title=m.title, due_on=m.due_on)
        for m in bid.milestones.all()
    )
    _payments(project, decision.amount)
    ProgressReport.objects.bulk_create(
        ProgressReport(project=project, kind=kind, due_on=due)
        for kind, due in report_schedule(start, end)
    )
    return project


def _locked(project: Project) -> Project:
    return Project.objects.select_for_update(of=("self",)).get(pk=project.pk)


def _audit(by: Actor, action: str, project: Project, **kwargs: Any) -> None:
    """Every write to a project concerns the project and its lead organisation."""
    about = [project.lead, *kwargs.pop("about", ())]
    audit_record(by=by, action=action, target=project, about=about, **kwargs)


@transaction.atomic
def agreement_sign(*, project: Project, by: Actor, on: date) -> Project:
    """Record the signed grant agreement; the first payment falls due."""
    require(by, "funding.manage")
    project = _locked(project)
    if project.agreement_signed_on:
        raise FundingError(_("The grant agreement has already been signed."))
    with acting_as(by):
        project.agreement_signed_on = on
        project.save()
        project.payments.filter(trigger=PaymentInstalment.Trigger.ON_SIGNATURE).update(due_on=on)
        _audit(by, "project.agreement_signed", project, changes={"on": on.isoformat()})
    return project


@transaction.atomic
def report_submit(
    *, report: ProgressReport, by: Actor, progress: str, spend_to_date: Decimal | None
) -> ProgressReport:
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=report.pk)
    )
    require(by, "funding.report_on_project", report.project)
    if not report.is_open:
        raise FundingError(_("This report has already been sent."))
    if not report.project.agreement_signed_on:
        raise FundingError(_("Reports start once the grant agreement is signed."))
    if not progress.strip():
        raise FundingError(_("Describe the progress made."), field="progress")
    with acting_as(by):
        report.progress = progress
        report.spend_to_date = spend_to_date
        report.status = ProgressReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = user_of(by)
        report.save()
        _audit(by, "project.report_submitted", report.project, about=[report])
    transaction.on_commit(lambda: tasks.send_report_submitted_email.enqueue(report_id=report.pk))
    return report


@transaction.atomic
def report_review(
    *, report: ProgressReport, by: Actor, accept: bool, comment: str
) -> ProgressReport:
    """Staff accept a report or ask for changes; an accepted final report completes the project."""
    require(by, "funding.manage")
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=report.pk)
    )
    if report.status != ProgressReport.Status.SUBMITTED:
        raise FundingError(_("Only a submitted report can be reviewed."))
    if not accept and not comment.strip():
        raise FundingError(_("Say what needs to change."), field="comment")
    with acting_as(by):
        _review(report, by, accept=accept, comment=comment)
    transaction.on_commit(lambda: tasks.send_report_reviewed_email.enqueue(report_id=report.pk))
    return report


def _review(report: ProgressReport, by: Actor, *, accept: bool, comment: str) -> None:
    report.status = (
        ProgressReport.Status.ACCEPTED if accept else ProgressReport.Status.CHANGES_REQUESTED
    )
    report.staff_comment = comment
    report.reviewed_by = user_of(by)
    report.reviewed_at = timezone.now()
    report.save()
    project = _locked(report.project)
    today = timezone.localdate()
    if accept and report.kind == ProgressReport.Kind.FINAL:
        project.status = Project.Status.COMPLETED
        project.completed_on = today
        project.payments.filter(trigger=PaymentInstalment.Trigger.ON_FINAL_REPORT).update(
            due_on=today
        )
    elif accept and project.status == Project.Status.REPORTING_DUE:
        open_due = project.reports.filter(
            status__in=(ProgressReport.Status.DUE, ProgressReport.Status.CHANGES_REQUESTED),
            due_on__lte=today,
        )
        if not open_due.exists():
            project.status = Project.Status.ACTIVE
    project.save()
    _audit(
        by,
        "project.report_accepted" if accept else "project.report_changes_requested",
        project,
        about=[report],
        reason=comment,
    )


STATUS_DATES = {
    Project.Status.COMPLETED: "completed_on",
    Project.Status.REPORT_LAUNCHED: "report_launched_on",
    Project.Status.CLOSED: "closed_on",
}


@transaction.atomic
def project_set_status(
    *,
    project: Project,
    by: Actor,
    status: str,
    on: date,
    outputs: list[Model] | None = None,
) -> Project:
    require(by, "funding.manage")
    project = _locked(project)
    before = project.status
    with acting_as(by):
        project.status = status
        if (field := STATUS_DATES.get(Project.Status(status))) and getattr(project, field) is None:
            setattr(project, field, on)
        project.save()
        if outputs is not None:
            project.outputs.set([output.pk for output in outputs])
        _audit(
            by,
            "project.status_set",
            project,
            changes={"status": [before, status], "on": on.isoformat()},
        )
    return project


@transaction.atomic
def follow_up_record(
    *,
    project: Project,
    organisation: Organisation,
    by: Actor,
    on: date,
    what_changed: str,
    still_used: bool,
) -> FollowUpReview:
    """'What changed since' for one council that took part, once the project is finished."""
    require(by, "funding.manage")
    project = _locked(project)
    if (
        project.status not in Project.FINISHED
        and project.status != Project.Status.PARTIALLY_COMPLETED
    ):
        raise FundingError(_("A follow-up review looks back at a finished project."))
    if not project.participants.filter(pk=organisation.pk).exists():
        raise FundingError(
            _("%(org)s did not take part in this project.") % {"org": organisation.name}
        )
    if not what_changed.strip():
        raise FundingError(_("Say what has changed since."))
    with acting_as(by):
        review, _created = FollowUpReview.objects.update_or_create(
            project=project,
            organisation=organisation,
            defaults={
                "reviewed_on": on,
                "what_changed": what_changed,
                "still_used": still_used,
                "recorded_by": user_of(by),
            },
        )
        _audit(by, "project.follow_up_recorded", project, about=[organisation, review])
    return review


def reports_due_for_reminder(on: date) -> QuerySet[ProgressReport]:
    """Open reports due within the notice period (or overdue) not reminded in the last week."""
    notice = setting("COOPNET_FUNDING_REMINDER_DAYS", 14)
    return ProgressReport.objects.filter(
        status__in=(ProgressReport.Status.DUE, ProgressReport.Status.CHANGES_REQUESTED),
        due_on__lte=on + timedelta(days=notice),
        project__agreement_signed_on__isnull=False,
        project__status__in=(Project.Status.ACTIVE, Project.Status.REPORTING_DUE),
    ).filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=on - timedelta(days=7)))


def _remind(report_id: int) -> None:
    tasks.send_report_reminder.enqueue(report_id=report_id)


@transaction.atomic
def send_reminders(*, on: date, by: Actor) -> int:
    """Queue a reminder per report due soon; a project with a report now due is 'reporting due'."""
    count = 0
    with acting_as(by):
        for report in (
            reports_due_for_reminder(on).select_for_update(of=("self",)).select_related("project")
        ):
            report.reminded_on = on
            report.save(update_fields=["reminded_on"])
            if report.due_on <= on and report.project.status == Project.Status.ACTIVE:
                report.project.status = Project.Status.REPORTING_DUE
                report.project.save(update_fields=["status"])
            _audit(by, "project.report_reminder_sent", report.project, about=[report])
            transaction.on_commit(partial(_remind, report.pk))
            count += 1
    return count
