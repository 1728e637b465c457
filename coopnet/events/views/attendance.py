"""The organiser's attendance sheet: who had a place, and who came."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import services
from ..models import Event, Registration


def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        event = Event.objects.select_related("organiser").get(slug=slug)
    except Event.DoesNotExist as exc:
        raise Http404(_("No event has that address.")) from exc
    require(request.user, "events.view_registrations", event)
    places = list(
        event.registrations.filter(status=Registration.Status.CONFIRMED).order_by("name", "pk")
    )
    if request.method == "POST":
        came = set(request.POST.getlist("attended"))
        with reported(request) as outcome:
            for place in places:
                services.registration_mark_attendance(
                    registration=place, by=request.user, attended=str(place.pk) in came
                )
        if outcome.ok:
            messages.success(request, _("Attendance is recorded."))
        return redirect("events:attendance", slug=event.slug)
    return render(request, "events/attendance.html", {"event": event, "places": places})
