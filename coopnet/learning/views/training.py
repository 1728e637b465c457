"""Programmes, my learning, enrolments and their certificates, and inductions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.files import serve
from coopnet.core.guard import allowed, require
from coopnet.members.selectors import managed_organisation_ids

from .. import selectors, services
from ..forms import CompleteForm, EnrolForm
from ..models import Enrolment, Induction, InductionItem, Programme
from ..phases import PHASE_NAMES


@login_not_required
def programmes(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/programmes.html", {"programmes": selectors.programmes()})


def my_learning(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    person = getattr(user, "person", None)
    managed = managed_organisation_ids(user)
    today = timezone.localdate()
    return render(
        request,
        "learning/mine.html",
        {
            "enrolments": selectors.enrolments_of(person),
            "organisation_enrolments": selectors.enrolments_for_organisations(managed),
            "inductions": selectors.inductions_of(managed, today),
            "assessments": selectors.assessments_for_user(user),
            "reviews": selectors.reviews_for_user(user),
            "actions": selectors.open_actions_of(managed),
            "today": today,
            "managed": bool(managed),
        },
    )


def enrol(request: HttpRequest, slug: str) -> HttpResponse:
    user = signed_in_user(request)
    require(user, "learning.enrol")
    programme = get_object_or_404(Programme, slug=slug, is_active=True)
    person = user.person
    form = EnrolForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.enrolment_record(
                person=person,
                programme=programme,
                organisation=form.cleaned_data["organisation"],
                by=user,
            )
        if outcome.ok:
            messages.success(
                request,
                _("You are enrolled on %(programme)s. Follow the link to start.")
                % {"programme": programme.title},
            )
            return redirect("learning:mine")
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Enrol on %(programme)s") % {"programme": programme.title},
            "submit": _("Enrol"),
            "back": reverse("learning:programmes"),
        },
    )


def _enrolment(request: HttpRequest, pk: int) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("programme", "person", "organisation"), pk=pk
    )
    require(request.user, "learning.view_enrolment", enrolment)
    return enrolment


def enrolment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = _enrolment(request, pk)
    form = CompleteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.enrolment_complete(
                enrolment=enrolment,
                by=signed_in_user(request),
                completed_on=form.cleaned_data["completed_on"],
                certificate=form.cleaned_data["certificate"],
            )
        if outcome.ok:
            messages.success(request, _("Well done: your completion is recorded."))
            return redirect("learning:mine")
    return render(
        request,
        "learning/form_page.html",
        {
            "form": form,
            "heading": _("Record that you completed %(programme)s")
            % {"programme": enrolment.programme.title},
            "submit": _("Save"),
            "back": reverse("learning:mine"),
            "multipart": True,
        },
    )


def certificate(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The one way to a certificate file: the enrolment's own permission applies."""
    enrolment = _enrolment(request, pk)
    if not enrolment.certificate:
        raise Http404
    return serve(request, enrolment, "certificate", filename=f"certificate-{enrolment.pk}")


def inductions(request: HttpRequest) -> HttpResponse:
    require(request.user, "learning.manage")
    today = timezone.localdate()
    return render(
        request,
        "learning/inductions.html",
        {"inductions": selectors.inductions(today), "today": today},
    )


def induction(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record = selectors.induction_for_page(pk)
    except Induction.DoesNotExist as exc:
        raise Http404 from exc
    require(request.user, "learning.view_induction", record)
    today = timezone.localdate()
    phases: dict[int, list[InductionItem]] = {}
    for item in record.items.all():
        phases.setdefault(item.phase, []).append(item)
    return render(
        request,
        "learning/induction.html",
        {
            "induction": record,
            "phases": [
                (_(PHASE_NAMES.get(n, str(n))), items) for n, items in sorted(phases.items())
            ],
            "today": today,
            "may_tick": allowed(request.user, "learning.tick_induction", record),
        },
    )


def induction_tick(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("learning:induction", pk=pk)
    item = get_object_or_404(
        InductionItem.objects.select_related("induction__organisation"),
        pk=item_id,
        induction_id=pk,
    )
    require(request.user, "learning.tick_induction", item.induction)
    with reported(request) as outcome:
        services.induction_item_done(
            item=item, by=signed_in_user(request), undo=bool(request.POST.get("undo"))
        )
    if outcome.ok:
        messages.success(request, _("The checklist is updated."))
    return redirect("learning:induction", pk=pk)
