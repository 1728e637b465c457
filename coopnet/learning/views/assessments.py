"""Self-assessment pages: a council's list and start, the assessment, contribute, invite, link,
submit, and progress against earlier assessments."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.files import serve
from coopnet.core.guard import allowed, require
from coopnet.members.models import Organisation

from .. import selectors, services
from ..chart import progress_svg
from ..forms import AssessmentForm, EvidenceForm, InviteForm, LinkForm
from ..models import EvidenceFile, SelfAssessment


def council_assessments(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "learning.list_assessments", organisation)
    if request.method == "POST":
        with reported(request) as outcome:
            assessment = services.assessment_start(
                organisation=organisation, by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(request, _("Your self-assessment is started."))
            return redirect(assessment)
        return redirect("learning:council_assessments", slug=slug)
    return render(
        request,
        "learning/council_assessments.html",
        {
            "organisation": organisation,
            "assessments": selectors.assessments_of(organisation),
            "may_start": allowed(request.user, "learning.start_assessment", organisation),
        },
    )


def _assessment(request: HttpRequest, pk: int, perm: str = "learning.view_assessment"):
    try:
        assessment = selectors.assessment_for_page(pk)
    except SelfAssessment.DoesNotExist as exc:
        raise Http404 from exc
    require(request.user, perm, assessment)
    return assessment


def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk)
    framework = selectors.framework_for_page(record.framework)
    ratings = {r.criterion_id: r for r in record.ratings.all()}
    answers = {a.item_id: a for a in record.action_answers.all()}
    # Earlier assessments only for those who may see the council's list (not a reviewer).
    history = allowed(request.user, "learning.list_assessments", record.organisation)
    progress = selectors.progress(record.organisation, include=record, history=history)
    return render(
        request,
        "learning/assessment.html",
        {
            "assessment": record,
            "criteria": [(c, ratings.get(c.pk)) for c in framework.criteria.all()],
            "actions": [(i, answers.get(i.pk)) for i in framework.actions.all()],
            "progress": progress,
            "chart": progress_svg(progress) if progress.assessments else "",
            "may_contribute": record.is_draft
            and allowed(request.user, "learning.contribute", record),
            "may_run": record.is_draft and allowed(request.user, "learning.run_assessment", record),
        },
    )


def assessment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk, "learning.contribute")
    if not record.is_draft:
        return redirect(record)
    framework = selectors.framework_for_page(record.framework)
    initial: dict[str, object] = {"summary": record.summary}
    for r in record.ratings.all():
        initial[f"score_{r.criterion_id}"] = str(r.score)
        initial[f"evidence_{r.criterion_id}"] = r.evidence
    for a in record.action_answers.all():
        initial[f"action_{a.item_id}"] = a.status
        initial[f"action_evidence_{a.item_id}"] = a.evidence
    form = AssessmentForm(request.POST or None, framework=framework, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported(form) as outcome:
            services.assessment_contribute(
                assessment=record,
                by=signed_in_user(request),
                summary=data["summary"],
                ratings=[
                    services.RatingInput(
                        criterion_id=c.pk,
                        score=data[f"score_{c.pk}"],
                        evidence=data[f"evidence_{c.pk}"],
                    )
                    for c in form.criteria
                ],
                actions=[
                    services.ActionInput(
                        item_id=i.pk,
                        status=data[f"action_{i.pk}"],
                        evidence=data[f"action_evidence_{i.pk}"],
                    )
                    for i in form.items
                ],
            )
        if outcome.ok:
            messages.success(request, _("Your contribution is saved."))
            return redirect(record)
    return render(
        request,
        "learning/assessment_edit.html",
        {
            "form": form,
            "assessment": record,
            "criterion_rows": [
                (c, form[f"score_{c.pk}"], form[f"evidence_{c.pk}"]) for c in form.criteria
            ],
            "action_rows": [
                (i, form[f"action_{i.pk}"], form[f"action_evidence_{i.pk}"]) for i in form.items
            ],
        },
    )


def assessment_invite(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk, "learning.run_assessment")
    form = InviteForm(request.POST or None, colleagues=services.colleagues_of(record.organisation))
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.assessment_invite(
                assessment=record, person=form.cleaned_data["person"], by=signed_in_user(request)
            )
        if outcome.ok:
            messages.success(request, _("Your colleague is invited to contribute."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Invite a colleague to contribute"),
            "caption": record.organisation.name,
            "submit": _("Invite"),
            "back": record.get_absolute_url(),
        },
    )


def assessment_link(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk, "learning.contribute")
    form = LinkForm(
        request.POST or None,
        case_studies=services.linkable_case_studies(record.organisation),
        projects=services.linkable_projects(record.organisation),
        initial={"case_studies": record.case_studies.all(), "projects": record.projects.all()},
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.assessment_link(
                assessment=record,
                by=signed_in_user(request),
                case_study_ids=[c.pk for c in form.cleaned_data["case_studies"]],
                project_ids=[p.pk for p in form.cleaned_data["projects"]],
            )
        if outcome.ok:
            messages.success(request, _("The links are saved."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Link case studies and funded projects"),
            "caption": record.organisation.name,
            "submit": _("Save"),
            "back": record.get_absolute_url(),
        },
    )


def assessment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk, "learning.run_assessment")
    if request.method == "POST":
        with reported(request) as outcome:
            services.assessment_submit(assessment=record, by=signed_in_user(request))
        if outcome.ok:
            messages.success(request, _("Your self-assessment is submitted."))
    return redirect(record)


def assessment_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    record = _assessment(request, pk, "learning.contribute")
    if not record.is_draft:
        return redirect(record)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.evidence_attach(
                assessment=record,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(request, _("The evidence file is attached."))
            return redirect(record)
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Attach an evidence file"),
            "caption": record.organisation.name,
            "submit": _("Attach"),
            "back": record.get_absolute_url(),
            "multipart": True,
        },
    )


def evidence_file(request: HttpRequest, pk: int, file_id: int) -> HttpResponseBase:
    """The one way to an evidence file: the assessment's own permission applies."""
    record = _assessment(request, pk)
    evidence = get_object_or_404(EvidenceFile, pk=file_id, assessment=record)
    return serve(request, evidence, "file", filename=f"evidence-{evidence.pk}", attachment=True)
