"""Staff review: publish a submitted case study, or return it with comments."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import selectors, services
from ..forms import ModerationForm, UnpublishForm
from .common import case_study_or_404


def _moderator(request: HttpRequest) -> None:
    require(request.user, "knowledge.moderate_case_studies")


def moderation_queue(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    return render(
        request, "knowledge/moderation_queue.html", {"case_studies": selectors.moderation_queue()}
    )


def case_study_review(request: HttpRequest, slug: str) -> HttpResponse:
    _moderator(request)
    case_study = case_study_or_404(slug)
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, comment = signed_in_user(request), form.cleaned_data["comment"]
        with reported(form) as outcome:
            if form.cleaned_data["decision"] == "publish":
                services.case_study_publish(case_study=case_study, by=user, comment=comment)
                done = _("“%(title)s” is published.")
            else:
                services.case_study_return(case_study=case_study, by=user, comment=comment)
                done = _("“%(title)s” has been returned to its member with your comments.")
        if outcome.ok:
            messages.success(request, done % {"title": case_study.title})
            return redirect("knowledge:moderation_queue")
    return render(
        request, "knowledge/case_study_review.html", {"case_study": case_study, "form": form}
    )


def case_study_unpublish(request: HttpRequest, slug: str) -> HttpResponse:
    _moderator(request)
    case_study = case_study_or_404(slug)
    form = UnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.case_study_unpublish(
                case_study=case_study,
                by=signed_in_user(request),
                comment=form.cleaned_data["comment"],
            )
        if outcome.ok:
            messages.success(
                request, _("“%(title)s” is no longer published.") % {"title": case_study.title}
            )
            return redirect(case_study)
    return render(
        request, "knowledge/case_study_unpublish.html", {"case_study": case_study, "form": form}
    )
