"""Calendars: the public feed, a person's private feed of their places, the attendee list."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.core.caching import cache_public_page
from coopnet.core.csvfiles import write_table
from coopnet.core.guard import require

from .. import calendar, selectors, services
from ..models import Event

ICS = "text/calendar; charset=utf-8"


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_not_required
@cache_public_page
def feed(request: HttpRequest) -> HttpResponse:
    """/events.ics: every published event (remembered until an event changes)."""
    return _ics(calendar.feed(selectors.feed_events()), "events.ics")


@login_not_required
def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own places; the secret address is the key (calendar apps cannot sign in)."""
    found = selectors.feed_by_token(token)
    if found is None:
        raise Http404(_("That calendar address is not valid. It may have been replaced."))
    events = selectors.booked_events(found.user)
    return _ics(calendar.feed(events, joining_links=True), "my-events.ics")


def my_calendar(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.calendar_feed_reset(by=request.user)
        messages.success(
            request, _("Your calendar has a new address. The old one no longer works.")
        )
        return redirect("events:my_calendar")
    found = selectors.calendar_feed_of(request.user)
    url = (
        request.build_absolute_uri(reverse("events:private_feed", args=[found.token]))
        if found
        else ""
    )
    return render(
        request,
        "events/my_calendar.html",
        {"feed_url": url, "places": selectors.registrations_of_user(request.user)},
    )


def attendees_csv(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        event = Event.objects.select_related("organiser").get(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404(_("No event has that address.")) from exc
    require(request.user, "events.view_registrations", event)
    out = io.StringIO()
    columns = ["status", "position", "name", "email", "registered"]
    write_table(out, columns, (vars(row) for row in selectors.attendee_rows(event)))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-attendees.csv"'
    return response
