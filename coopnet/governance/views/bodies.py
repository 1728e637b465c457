"""Public pages of the bodies, with who served on any date; staff appoint and end terms."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.caching import lazily
from coopnet.members.models import Person

from .. import selectors, services
from ..forms import AppointmentEndForm, AppointmentForm, AsAtForm, PhotoForm
from ..models import Appointment, Body
from .common import MANAGE, form_page, require


@login_not_required
def bodies(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/bodies.html",
        {"bodies": selectors.bodies(), "documents": selectors.documents()},
    )


@login_not_required
def body(request: HttpRequest, slug: str) -> HttpResponse:
    """Who sits on the body on a date (`?on=YYYY-MM-DD`, default today), and what is vacant."""
    today = timezone.localdate()
    form = AsAtForm(request.GET or None)
    on = today
    if form.is_bound and form.is_valid() and form.cleaned_data["on"]:
        on = form.cleaned_data["on"]
    try:
        body = Body.objects.get(slug=slug)
    except Body.DoesNotExist as exc:
        raise Http404(_("No body has that address.")) from exc
    return render(
        request,
        "governance/body.html",
        {
            "body": body,
            "form": form,
            "today": today,
            "is_today": on == today,
            "can_manage": request.user.has_perm(MANAGE),
            "can_see_actions": request.user.has_perm("governance.view_action_log", body),
            # read only when the page's part for everyone is not remembered
            **lazily(
                page=lambda: selectors.body_page_of(body, on),
                documents=lambda: list(selectors.terms_of_reference(body)),
                meetings=lambda: list(selectors.meetings(body=body, published_only=True)[:5]),
            ),
        },
    )


def appointment_add(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, MANAGE)
    body = get_object_or_404(Body, slug=slug)
    return form_page(
        request,
        AppointmentForm(request.POST or None, body=body),
        lambda data: services.appointment_create(**data, by=signed_in_user(request)),
        done=lambda a: (
            _("%(person)s has been appointed to %(seat)s.")
            % {"person": a.person, "seat": a.seat.name}
        ),
        then=body,
        heading=_("Appoint to a seat"),
        caption=body.name,
        cancel=body,
        submit=_("Appoint"),
    )


def appointment_end(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, MANAGE)
    appointment = get_object_or_404(
        Appointment.objects.select_related("seat__body", "person"), pk=pk
    )
    return form_page(
        request,
        AppointmentEndForm(request.POST or None),
        lambda data: services.appointment_end(
            appointment=appointment, end=data["end"], by=signed_in_user(request)
        ),
        done=_("The appointment has been ended."),
        then=appointment.seat.body,
        heading=_("End an appointment"),
        caption=f"{appointment.person} – {appointment.seat.name}",
        cancel=appointment.seat.body,
        submit=_("End appointment"),
    )


def member_photo(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, MANAGE)
    person = get_object_or_404(Person, slug=slug)
    return form_page(
        request,
        PhotoForm(request.POST or None, request.FILES or None),
        lambda data: services.member_photo_save(
            person=person, upload=data["photo"], alt=data["alt"], by=signed_in_user(request)
        ),
        done=_("The photo of %(person)s has been saved.") % {"person": person},
        then="governance:bodies",
        heading=_("Photo for governance pages"),
        caption=person,
        multipart=True,
        submit=_("Save photo"),
    )


def action_log(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    require(request, "governance.view_action_log", body)
    return render(
        request,
        "governance/action_log.html",
        {
            "body": body,
            "actions": selectors.action_log(body),
            "today": timezone.localdate(),
            "can_manage": request.user.has_perm(MANAGE),
        },
    )
