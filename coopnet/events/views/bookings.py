"""Booking a place, cancelling it, and the links in people's emails."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.models import User
from coopnet.core.errors import reported

from .. import services
from ..forms import BookingForm, PublicRegistrationForm
from ..models import Event, Registration


def _published(slug: str) -> Event:
    try:
        return Event.objects.published().get(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404(_("No event has that address.")) from exc


def _said(request: HttpRequest, registration: Registration) -> None:
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("Your place is booked. We have emailed you the details."))
    elif registration.status == Registration.Status.WAITLISTED:
        messages.info(
            request,
            _("The event is full: you are number %(n)s on the wait list.")
            % {"n": registration.position},
        )


@require_POST
def book(request: HttpRequest, slug: str) -> HttpResponse:
    event = _published(slug)
    form = BookingForm(request.POST)
    shares = form.is_valid() and form.cleaned_data["shares_details"]
    with reported(request) as outcome:
        registration = services.registration_book(
            event=event, by=request.user, shares_details=shares
        )
    if outcome.ok:
        _said(request, registration)
    return redirect(event)


@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = _published(slug)
    registration = (
        event.registrations.filter(user=cast(User, request.user), status__in=Registration.LIVE)
        .order_by("-pk")
        .first()
    )
    if registration is None:
        messages.error(request, _("You have no place on this event to cancel."))
        return redirect(event)
    with reported(request) as outcome:
        services.registration_cancel(registration=registration, by=request.user)
    if outcome.ok:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


@login_not_required
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """A member of the public asks for a place: we email them a link to confirm it."""
    event = _published(slug)
    form = PublicRegistrationForm(request.POST)
    if form.is_valid():
        with reported(form) as outcome:
            services.registration_request(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                shares_details=form.cleaned_data["shares_details"],
            )
        if outcome.ok:
            return render(
                request,
                "events/check_email.html",
                {"event": event, "email": form.cleaned_data["email"]},
            )
    return render(request, "events/register.html", {"event": event, "form": form})


def _by_token(token: str) -> Registration:
    registration = Registration.objects.select_related("event").filter(token=token).first()
    if registration is None:
        raise Http404(_("That link is not valid."))
    return registration


@login_not_required
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email. The page asks for one click, so that a mail scanner
    following the link books nothing."""
    registration = _by_token(token)
    if request.method == "POST":
        with reported(request) as outcome:
            registration = services.registration_confirm_email(token=token)
        if outcome.ok:
            _said(request, registration)
            return redirect(registration.event)
    return render(request, "events/confirm_email.html", {"registration": registration})


@login_not_required
def cancel_by_token(request: HttpRequest, token: str) -> HttpResponse:
    """The cancel link in every email: a page with one button (a GET changes nothing)."""
    registration = _by_token(token)
    if request.method == "POST":
        with reported(request) as outcome:
            services.registration_cancel_by_token(token=token)
        if outcome.ok:
            messages.success(request, _("Your registration is cancelled."))
            return redirect(registration.event)
    return render(request, "events/cancel_by_token.html", {"registration": registration})
