"""Case studies: the public library, and members writing their own."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.caching import lazily
from coopnet.core.errors import reported
from coopnet.core.guard import allowed, refusal, require
from coopnet.core.guard import refuse as refuse_action
from coopnet.members.models import Organisation

from .. import selectors, services
from ..forms import (
    AttachmentForm,
    CaseStudyFilterForm,
    CaseStudyForm,
    ImageForm,
    LinkForm,
    case_study_initial,
)
from ..models import CaseStudy
from ..services.case_studies import CaseStudyDetails
from ..services.case_study_media import MEDIA
from .common import PAGE_SIZE, case_study_or_404


@login_not_required
def case_study_list(request: HttpRequest) -> HttpResponse:
    form = CaseStudyFilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(selectors.case_study_list(filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    member = None
    if filters.member:
        member = Organisation.objects.filter(slug=filters.member).first()
    return render(
        request,
        "knowledge/case_study_list.html",
        {
            "form": form,
            "page_obj": page,
            "filters_active": filters.active,
            "member": member,
            "can_write": allowed(request.user, "knowledge.write_case_study"),
            "can_moderate": allowed(request.user, "knowledge.moderate_case_studies"),
        },
    )


@login_not_required
def case_study_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case_study = selectors.case_study_by_slug(slug)
    except CaseStudy.DoesNotExist:
        moved_to = selectors.current_slug(slug)
        if moved_to:
            return redirect("knowledge:case_study", slug=moved_to, permanent=True)
        case_study = case_study_or_404(slug)  # raises 404
    user = request.user
    if not allowed(user, "knowledge.view_case_study", case_study):
        return refusal(request)
    # The story itself, with everything it shows, is read only when the page's part for everyone
    # is not remembered.
    reads = lazily(shown=lambda: selectors.case_study_for_page(slug))
    published = case_study.is_published
    reads |= lazily(
        related=lambda: selectors.related_case_studies(reads["shown"]) if published else []
    )
    return render(
        request,
        "knowledge/case_study_detail.html",
        {
            "case_study": case_study,
            **reads,
            "can_edit": allowed(user, "knowledge.change_case_study", case_study),
            "can_submit": allowed(user, "knowledge.submit_case_study", case_study)
            and case_study.is_editable_by_members,
            "can_moderate": allowed(user, "knowledge.moderate_case_studies"),
            "can_delete": allowed(user, "knowledge.delete_case_study", case_study),
        },
    )


def my_case_studies(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require(user, "knowledge.write_case_study")
    return render(
        request,
        "knowledge/my_case_studies.html",
        {"case_studies": selectors.my_case_studies(user)},
    )


def _form_page(request: HttpRequest, form: CaseStudyForm, **context: Any) -> HttpResponse:
    return render(request, "knowledge/case_study_form.html", {"form": form, **context})


def case_study_new(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require(user, "knowledge.write_case_study")
    organisations = selectors.lead_member_choices(
        user, any_organisation=allowed(user, "knowledge.write_for_any_organisation")
    )
    initial: dict[str, Any] = {"status": CaseStudy.Status.ONGOING}
    if organisations.count() == 1:
        initial["lead_organisation"] = organisations.get().pk
    form = CaseStudyForm(
        request.POST or None,
        organisations=organisations,
        may_change_address=allowed(user, "knowledge.change_case_study_address"),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            case_study = services.case_study_create(
                by=user, details=CaseStudyDetails.of(form.cleaned_data)
            )
        if outcome.ok:
            messages.success(
                request,
                _("Your draft has been saved. Add images, files and links, then submit it."),
            )
            return redirect("knowledge:case_study_media", slug=case_study.slug)
    return _form_page(request, form, heading=_("Write a case study"), case_study=None)


def _changeable(request: HttpRequest, slug: str) -> CaseStudy:
    case_study = case_study_or_404(slug)
    require(request.user, "knowledge.change_case_study", case_study)
    return case_study


def case_study_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    case_study = _changeable(request, slug)
    organisations = selectors.lead_member_choices(
        user,
        any_organisation=allowed(user, "knowledge.write_for_any_organisation"),
        keep=case_study.lead_organisation,
    )
    form = CaseStudyForm(
        request.POST or None,
        organisations=organisations,
        may_change_address=allowed(user, "knowledge.change_case_study_address"),
        initial=case_study_initial(case_study),
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            case_study = services.case_study_update(
                case_study=case_study, by=user, details=CaseStudyDetails.of(form.cleaned_data)
            )
        if outcome.ok:
            messages.success(request, _("The case study has been saved."))
            return redirect(case_study)
    return _form_page(request, form, heading=_("Edit the case study"), case_study=case_study)


def case_study_delete(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask, on a page of its own, before a draft is deleted; refuse a published one."""
    user = signed_in_user(request)
    case_study = case_study_or_404(slug)
    require(user, "knowledge.view_case_study", case_study)
    require(
        user,
        "knowledge.delete_case_study",
        case_study,
        message=_(
            "Only the author of a draft that has not been sent for review may delete it. "
            "A published case study is never deleted."
        ),
    )
    if request.method == "POST":
        with reported(request) as outcome:
            services.case_study_delete(case_study=case_study, by=user)
        if outcome.ok:
            messages.success(
                request,
                _("The draft “%(title)s” has been deleted.") % {"title": case_study.title},
            )
            return redirect("knowledge:my_case_studies")
    return render(request, "knowledge/case_study_delete.html", {"case_study": case_study})


MEDIA_FORMS = {"image": ImageForm, "attachment": AttachmentForm, "link": LinkForm}


def _add_media(request: HttpRequest, case_study: CaseStudy, kind: str, form: Any) -> None:
    user = signed_in_user(request)
    data = form.cleaned_data
    if kind == "image":
        services.case_study_add_image(case_study=case_study, by=user, **data)
    elif kind == "attachment":
        services.case_study_add_attachment(case_study=case_study, by=user, **data)
    else:
        services.case_study_add_link(case_study=case_study, by=user, **data)


def case_study_media(request: HttpRequest, slug: str) -> HttpResponse:
    """Images (with alt text), PDF attachments and links: one page, a form for each."""
    case_study = _changeable(request, slug)
    posted = request.POST.get("kind") if request.method == "POST" else None
    forms = {
        kind: cls(
            request.POST if kind == posted else None,
            request.FILES if kind == posted else None,
            prefix=kind,
        )
        for kind, cls in MEDIA_FORMS.items()
    }
    if posted in forms and forms[posted].is_valid():
        with reported(forms[posted]) as outcome:
            _add_media(request, case_study, posted, forms[posted])
        if outcome.ok:
            messages.success(request, _("Added to the case study."))
            return redirect("knowledge:case_study_media", slug=case_study.slug)
    return render(
        request,
        "knowledge/case_study_media.html",
        {
            "case_study": case_study,
            "forms": forms,
            "posted": posted,
            "has_errors": bool(posted in forms and forms[posted].errors),
            "can_submit": allowed(request.user, "knowledge.submit_case_study", case_study)
            and case_study.is_editable_by_members,
        },
    )


@require_POST
def case_study_media_remove(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    case_study = _changeable(request, slug)
    if kind not in MEDIA:
        raise refuse_action(_("There is nothing of that kind to remove."))
    with reported(request) as outcome:
        services.case_study_remove_media(
            case_study=case_study, by=signed_in_user(request), kind=kind, pk=pk
        )
    if outcome.ok:
        messages.success(request, _("Removed from the case study."))
    return redirect("knowledge:case_study_media", slug=case_study.slug)


def case_study_submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Check the answers, then send the case study to the network for review."""
    user = signed_in_user(request)
    case_study = case_study_or_404(slug)
    require(user, "knowledge.submit_case_study", case_study)
    if request.method == "POST":
        with reported(request) as outcome:
            services.case_study_submit(case_study=case_study, by=user)
        if outcome.ok:
            messages.success(
                request,
                _("Submitted. The network will review it and publish it or send you comments."),
            )
            return redirect(case_study)
    return render(request, "knowledge/case_study_submit.html", {"case_study": case_study})


def case_study_history(request: HttpRequest, slug: str) -> HttpResponse:
    case_study = case_study_or_404(slug)
    require(request.user, "knowledge.view_case_study_history", case_study)
    changes = case_study.history.select_related("history_user").order_by("-history_date")[:50]
    return render(
        request,
        "knowledge/case_study_history.html",
        {
            "case_study": case_study,
            "decisions": selectors.decisions(case_study),
            "changes": changes,
        },
    )
