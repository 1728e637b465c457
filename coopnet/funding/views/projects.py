"""Managing a project: agreement (PDF), signature, reports, review, status, follow-up."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import allowed, require
from coopnet.core.pdf import pdf_response, render_pdf

from .. import selectors, services
from ..forms import FollowUpForm, ProjectStatusForm, ReportForm, ReportReviewForm
from ..models import ProgressReport, Project


def _project(request: HttpRequest, slug: str, perm: str) -> Project:
    try:
        project = selectors.project_for_page(slug, include_unpublished=True)
    except Project.DoesNotExist as exc:
        raise Http404 from exc
    require(request.user, perm, project)
    return project


def project_manage(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug, "funding.report_on_project")
    return render(
        request,
        "funding/project_manage.html",
        {"project": project, "can_manage": allowed(request.user, "funding.manage")},
    )


def agreement_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug, "funding.report_on_project")
    pdf = render_pdf(
        "funding/agreement_pdf.html",
        {"project": project, "network": settings.NETWORK_NAME, "today": timezone.localdate()},
    )
    return pdf_response(pdf, f"grant-agreement-{project.slug}.pdf")


@require_POST
def agreement_sign(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug, "funding.manage")
    with reported(request) as outcome:
        services.agreement_sign(
            project=project, by=signed_in_user(request), on=timezone.localdate()
        )
    if outcome.ok:
        messages.success(
            request, _("The signed grant agreement has been recorded; the first payment is due.")
        )
    return redirect("funding:project_manage", slug=project.slug)


def project_status(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug, "funding.manage")
    form = ProjectStatusForm(
        request.POST or None,
        initial={
            "status": project.status,
            "on": timezone.localdate(),
            "outputs": list(project.outputs.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.project_set_status(
            project=project,
            by=signed_in_user(request),
            status=d["status"],
            on=d["on"],
            outputs=list(d["outputs"]),
        )
        messages.success(request, _("The project has been updated."))
        return redirect("funding:project_manage", slug=project.slug)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Change status and outputs"),
            "caption": project.title,
            "submit": _("Save"),
            "back": project.get_absolute_url(),
        },
    )


def follow_up(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug, "funding.manage")
    form = FollowUpForm(
        request.POST or None, project=project, initial={"reviewed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with reported(form) as outcome:
            services.follow_up_record(
                project=project,
                organisation=d["organisation"],
                by=signed_in_user(request),
                on=d["reviewed_on"],
                what_changed=d["what_changed"],
                still_used=d["still_used"],
            )
        if outcome.ok:
            messages.success(request, _("The follow-up review has been recorded."))
            return redirect("funding:project_manage", slug=project.slug)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("What changed since"),
            "caption": project.title,
            "submit": _("Save review"),
            "back": project.get_absolute_url(),
        },
    )


def _report(request: HttpRequest, pk: int, perm: str) -> ProgressReport:
    report = get_object_or_404(ProgressReport.objects.select_related("project__lead"), pk=pk)
    require(request.user, perm, report.project)
    return report


def report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "funding.report_on_project")
    form = ReportForm(
        request.POST or None,
        initial={"progress": report.progress, "spend_to_date": report.spend_to_date},
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.report_submit(report=report, by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Your report has been sent to the network."))
            return redirect("funding:project_manage", slug=report.project.slug)
    return render(
        request, "funding/report.html", {"report": report, "form": form if report.is_open else None}
    )


def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "funding.manage")
    form = ReportReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.report_review(report=report, by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Your review of the report has been recorded."))
            return redirect("funding:project_manage", slug=report.project.slug)
    return render(request, "funding/report.html", {"report": report, "review_form": form})
