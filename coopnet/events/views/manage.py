"""Submitting and editing events (organisers), and moderating them (staff)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.members.models import Organisation
from coopnet.members.selectors import organisations_managed_by

from .. import selectors, services
from ..forms import ChangeDateForm, EventForm, ModerationForm, SkipDateForm
from ..models import Event


def _event(slug: str) -> Event:
    try:
        return Event.objects.select_related("organiser").get(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404(_("No event has that address.")) from exc


def _organisers(request: HttpRequest) -> QuerySet[Organisation]:
    if request.user.has_perm("events.moderate"):
        return Organisation.objects.order_by("name")
    return organisations_managed_by(request.user).order_by("name")


def submit(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.submit_event")
    staff = request.user.has_perm("events.moderate")
    form = EventForm(
        request.POST or None, request.FILES or None, organisers=_organisers(request), staff=staff
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            event = services.event_create(
                by=request.user,
                details=form.details(),
                principles=form.cleaned_data["principles"],
                image=form.cleaned_data.get("image"),
            )
        if outcome.ok:
            messages.success(request, _("Your event is saved as a draft."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "heading": _("Add an event"), "cancel_url": "events:mine"},
    )


def edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    require(request.user, "events.change_event", event)
    staff = request.user.has_perm("events.moderate")
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        initial=EventForm.initial_for(event),
        organisers=_organisers(request),
        staff=staff,
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.event_update(
                event=event,
                by=request.user,
                details=form.details(keep=event),
                principles=form.cleaned_data["principles"],
                image=form.cleaned_data.get("image"),
            )
        if outcome.ok:
            messages.success(request, _("The event is saved."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "heading": _("Change the event"), "event": event},
    )


@require_POST
def send_for_review(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    with reported(request) as outcome:
        services.event_submit(event=event, by=request.user)
    if outcome.ok:
        messages.success(request, _("The event is sent to the network for review."))
    return redirect(event)


def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "events/mine.html",
        {
            "events": selectors.events_of(request.user),
            "can_submit": request.user.has_perm("events.submit_event"),
        },
    )


def moderation(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.moderate")
    return render(request, "events/moderation.html", {"events": selectors.moderation_queue()})


def moderate(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    require(request.user, "events.moderate", event)
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        with reported(form) as outcome:
            if decision == "publish":
                services.event_publish(event=event, by=request.user)
            elif decision == "return":
                services.event_return(event=event, by=request.user, comment=comment)
            else:
                services.event_reject(event=event, by=request.user, comment=comment)
        if outcome.ok:
            messages.success(request, _("Your decision is recorded."))
            return redirect("events:moderation")
    return render(
        request,
        "events/moderate.html",
        {"form": form, "event": event, "heading": _("Review the event")},
    )


@require_POST
def skip_date(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    require(request.user, "events.change_event", event)
    form = SkipDateForm(request.POST)
    if form.is_valid():
        with reported(request) as outcome:
            services.event_skip_occurrence(
                event=event, by=request.user, day=form.cleaned_data["day"]
            )
        if outcome.ok:
            messages.success(request, _("That date is taken out of the series."))
    else:
        messages.error(request, _("Enter the date that does not take place."))
    return redirect(event)


SCOPES = ("one", "following")


def _initial_on(event: Event, day: Any) -> dict[str, Any]:
    """The edit form's values for one date of a repeating event: the series' details (or the
    date's own, if it was changed before), moved to that day."""
    changed = next(
        (
            one
            for one in event.changed_occurrences.all()
            if one.recurrence_id and timezone.localtime(one.recurrence_id).date() == day
        ),
        None,
    )
    source = changed or event
    initial = EventForm.initial_for(source)
    if changed is None:
        span = timezone.localtime(event.ends_at).date() - timezone.localtime(event.starts_at).date()
        initial["start_date"] = day
        initial["end_date"] = day + span if span else None
    return initial


def change_date(request: HttpRequest, slug: str) -> HttpResponse:
    """Change one date of a repeating event on its own, or that date and all that follow."""
    event = _event(slug)
    require(request.user, "events.change_event", event)
    scope = request.GET.get("scope", "")
    picker = ChangeDateForm(request.GET)
    if scope not in SCOPES or not picker.is_valid():
        messages.error(request, _("Enter the date to change."))
        return redirect(event)
    day = picker.cleaned_data["day"]
    staff = request.user.has_perm("events.moderate")
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        initial=_initial_on(event, day),
        organisers=_organisers(request),
        staff=staff,
    )
    if request.method == "POST" and form.is_valid():
        details = form.details(keep=event)
        with reported(form) as outcome:
            if scope == "one":
                result = services.event_change_occurrence(
                    event=event,
                    by=request.user,
                    day=day,
                    details=details,
                    principles=form.cleaned_data["principles"],
                    image=form.cleaned_data.get("image"),
                )
            else:
                result = services.event_change_following(
                    event=event,
                    by=request.user,
                    from_day=day,
                    details=details,
                    image=form.cleaned_data.get("image"),
                )
        if outcome.ok:
            messages.success(
                request,
                _("That date is changed.")
                if scope == "one"
                else _("The dates from then on are changed."),
            )
            return redirect(result)
    day_text = day.strftime("%d/%m/%Y")
    note = (
        _("Only the meeting of %(day)s changes; the other dates stay as they are.")
        if scope == "one"
        else _("The meeting of %(day)s and every date after it change; earlier dates stay.")
    ) % {"day": day_text}
    return render(
        request,
        "events/event_form.html",
        {
            "form": form,
            "heading": _("Change one date")
            if scope == "one"
            else _("Change the dates from then on"),
            "caption": event.title,
            "event": event,
            "occurrence_note": note,
        },
    )
