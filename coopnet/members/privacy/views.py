"""Staff handle a person's data rights: find the person, prepare a subject-access export and hand
it over once, or erase the person. The network admin only (`members.handle_personal_data`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.personal_data import retention_rules

from ..models import Person, SubjectAccessExport
from . import selectors, services
from .forms import AccessRequestForm, EraseForm, PersonSearchForm

PERM = services.PERM


def personal_data_index(request: HttpRequest) -> HttpResponse:
    require(request.user, PERM)
    form = PersonSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "members/privacy/index.html",
        {
            "form": form,
            "q": q,
            "people": selectors.people_matching(q),
            "exports": selectors.recent_exports()[:10],
        },
    )


def retention_schedule(request: HttpRequest) -> HttpResponse:
    """What is kept how long, as the `apply_retention` command applies it."""
    require(request.user, PERM)
    return render(request, "members/privacy/retention.html", {"rules": retention_rules()})


def person_personal_data(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("user"), slug=slug)
    require(request.user, PERM, person)
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            export = services.access_export_request(
                person=person, by=signed_in_user(request), reason=form.cleaned_data["reason"]
            )
        if outcome.ok:
            messages.success(request, _("The export is being prepared."))
            return redirect(export)
    return render(
        request,
        "members/privacy/person.html",
        {"person": person, "form": form, "exports": selectors.recent_exports(person)},
    )


def access_export(request: HttpRequest, pk: int) -> HttpResponse:
    export = get_object_or_404(
        SubjectAccessExport.objects.select_related("person", "downloaded_by"), pk=pk
    )
    require(request.user, PERM, export.person)
    template = "members/privacy/export.html"
    if request.headers.get("HX-Request"):
        template = "members/privacy/_export_status.html"
    return render(request, template, {"export": export})


@require_POST
def access_export_download(request: HttpRequest, pk: int) -> HttpResponse:
    export = get_object_or_404(SubjectAccessExport.objects.select_related("person"), pk=pk)
    require(request.user, PERM, export.person)
    with reported(request) as outcome:
        name, data = services.access_export_take(export=export, by=signed_in_user(request))
    if not outcome.ok:
        return redirect(export)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def person_erase(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("user"), slug=slug)
    require(request.user, PERM, person)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            counts = services.person_erase(
                person=person,
                by=signed_in_user(request),
                reason=form.cleaned_data["reason"],
                confirm=form.cleaned_data["confirm"],
            )
        if outcome.ok:
            audit = counts.pop("core.auditentry", 0)
            messages.success(
                request,
                _(
                    "The person's details were erased. Their account can no longer sign in; "
                    "%(copied)d records that copied their details and %(audit)d audit entries "
                    "about them were changed."
                )
                % {"copied": sum(counts.values()), "audit": audit},
            )
            person.refresh_from_db()
            return redirect("members:person_personal_data", slug=person.slug)
    return render(request, "members/privacy/erase.html", {"person": person, "form": form})
