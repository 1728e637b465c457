"""The network admin's queue of applications and the decisions on them; members' welcome pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coopnet.accounts.models import User
from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.hooks import Note

from ..models import Application, Organisation
from . import forms, selectors, services, welcome

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
from ._http import posted
from .framework import describe


def _reviewer(request: HttpRequest) -> None:
    require(request.user, "members.review_applications")


def _for_staff(pk: int) -> Application:
    try:
        return selectors.for_staff(pk)
    except Application.DoesNotExist as exc:
        raise Http404(_("No application has that number.")) from exc


def queue(request: HttpRequest) -> HttpResponse:
    _reviewer(request)
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    applications = list(selectors.queue(status))
    return render(
        request,
        "joining/staff/queue.html",
        {
            "applications": applications,
            "status": status,
            "statuses": [
                (value, label)
                for value, label in Application.Status.choices
                if value != Application.Status.DRAFT
            ],
            "principle_count": selectors.network_principles().count(),
        },
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    application = _for_staff(pk)
    describe(list(application.assessments.all()))
    return render(request, "joining/staff/detail.html", {"application": application})


Act = Callable[[Application, User, dict[str, Any]], str]


def _decide(
    request: HttpRequest,
    pk: int,
    form: Form,
    *,
    heading: str,
    button: str,
    act: Act,
    checks: Callable[[Application], list[Note]] | None = None,
) -> HttpResponse:
    """The ask / approve / decline pages: a form, the service, a message; errors in a summary."""
    _reviewer(request)
    application = _for_staff(pk)
    if not application.is_open:
        messages.info(request, _("This application has already been decided."))
        return redirect("joining:application", pk=pk)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            done = act(application, signed_in_user(request), form.cleaned_data)
        if outcome.ok:
            messages.success(request, done)
            return redirect("joining:application", pk=pk)
    return render(
        request,
        "joining/staff/decision.html",
        {
            "application": application,
            "form": form,
            "heading": heading,
            "button": button,
            "notes": checks(application) if checks else [],
        },
    )


def _ask(application: Application, by: User, data: dict[str, Any]) -> str:
    services.application_ask(application=application, by=by, question=data["question"])
    return _("Your question has been emailed to the applicant.")


def _decline(application: Application, by: User, data: dict[str, Any]) -> str:
    services.application_decline(application=application, by=by, reason=data["reason"])
    return _("The application has been declined and the reason emailed to the applicant.")


def _approve(application: Application, by: User, data: dict[str, Any]) -> str:
    """Say what the approval did: whether an invoice was raised and emailed, where the welcome
    email went; never what did not happen."""
    approval = services.application_approve_reporting(
        application=application, by=by, on=data["decided_on"]
    )
    return " ".join(
        [
            _("%(name)s is now a member.") % {"name": approval.application.display_name},
            *approval.notes,
        ]
    )


def _approval_checks(application: Application) -> list[Note]:
    return selectors.approval_checks(application, timezone.localdate())


@dataclass(frozen=True)
class Decision:
    form: type[Form]
    heading: StrOrPromise
    button: StrOrPromise
    act: Act
    checks: Callable[[Application], list[Note]] | None = None


DECISIONS = {
    "ask": Decision(
        forms.QuestionForm,
        gettext_lazy("Ask for more information"),
        gettext_lazy("Send question"),
        _ask,
    ),
    "decline": Decision(
        forms.DeclineForm,
        gettext_lazy("Decline the application"),
        gettext_lazy("Decline application"),
        _decline,
    ),
    "approve": Decision(
        forms.ApproveForm,
        gettext_lazy("Approve the application"),
        gettext_lazy("Approve application"),
        _approve,
        _approval_checks,
    ),
}


def decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """The ask / decline / approve pages (urls.py names the decision)."""
    d = DECISIONS[decision]
    return _decide(
        request,
        pk,
        d.form(posted(request)),
        heading=str(d.heading),
        button=str(d.button),
        act=d.act,
        checks=d.checks,
    )


def _pack_organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related("memberships__category"), slug=slug
    )
    require(request.user, "members.edit_organisation", organisation)
    return organisation


def welcome_pack(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _pack_organisation(request, slug)
    pack = welcome.welcome_pack_for_organisation(organisation, timezone.localdate())
    return render(
        request,
        "joining/welcome_pack.html",
        {**welcome.context(pack), "organisation": organisation},
    )


def welcome_pack_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _pack_organisation(request, slug)
    return welcome.pdf_response(
        welcome.welcome_pack_for_organisation(organisation, timezone.localdate())
    )
