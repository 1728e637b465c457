"""Public pages: upcoming and past events (filterable, shareable), an event, the feed, the KPI."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.caching import cache_public_page

from .. import calendar, selectors
from ..forms import (
    BookingForm,
    ChangeDateForm,
    EventFilterForm,
    PublicRegistrationForm,
    SkipDateForm,
)
from ..models import Event
from ..schema import event_json_ld

PAGE_SIZE = 20
NEXT_DATES = 6
NEXT_DATES_WINDOW = timedelta(days=200)


def _listing(request: HttpRequest, *, past: bool) -> HttpResponse:
    organisers = [(o.slug, o.name) for o in selectors.organiser_choices()]
    form = EventFilterForm(
        request.GET or None,
        organisers=organisers,
        principles=list(selectors.network_principles()),
        regions=selectors.region_choices(),
    )
    filters = form.filters()
    now = timezone.now()
    qs = (
        selectors.past_events(filters, now=now)
        if past
        else selectors.upcoming_events(filters, now=now)
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page_obj": page,
            "past": past,
            "filters_active": filters.active,
            "can_submit": request.user.has_perm("events.submit_event"),
            "can_moderate": request.user.has_perm("events.moderate"),
        },
    )


@login_not_required
@cache_public_page
def upcoming(request: HttpRequest) -> HttpResponse:
    return _listing(request, past=False)


@login_not_required
@cache_public_page
def past(request: HttpRequest) -> HttpResponse:
    return _listing(request, past=True)


@login_not_required
def event(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        obj = selectors.event_for_page(slug)
    except Event.DoesNotExist as exc:
        raise Http404(_("No event has that address.")) from exc
    if not request.user.has_perm("events.view_event", obj):
        raise Http404(_("No event has that address."))
    registration = selectors.registration_of(obj, request.user)
    now = timezone.now()
    context: dict[str, Any] = {
        "event": obj,
        "registration": registration,
        "registration_open": obj.registration_is_open(now) and not obj.series_id,
        "is_past": obj.ends_at < now,
        "now": now,
        "places_left": (
            None
            if obj.capacity is None
            else max(obj.capacity - getattr(obj, "confirmed_count", 0), 0)
        ),
        "can_book": request.user.has_perm("events.book", obj) and not obj.series_id,
        "can_edit": request.user.has_perm("events.change_event", obj),
        "can_moderate": request.user.has_perm("events.moderate", obj),
        "public_form": PublicRegistrationForm() if not request.user.is_authenticated else None,
        "booking_form": BookingForm(),
        "skip_form": SkipDateForm() if obj.recurrence else None,
        "change_date_form": ChangeDateForm(auto_id="change_%s") if obj.recurrence else None,
        "changed_dates": list(obj.changed_occurrences.all()) if obj.recurrence else [],
        "next_dates": (
            calendar.occurrences_of(obj, now, now + NEXT_DATES_WINDOW)[:NEXT_DATES]
            if obj.recurrence
            else []
        ),
        "json_ld": json.dumps(event_json_ld(obj), ensure_ascii=False) if obj.is_published else "",
    }
    if context["can_edit"]:
        context["registrations"] = selectors.registrations_for(obj)
    return render(request, "events/event.html", context)


@login_not_required
def kpis(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "events/kpis.html",
        {"years": selectors.events_kpi(selectors.kpi_years(today))},
    )
