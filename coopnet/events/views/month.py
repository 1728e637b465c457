"""A month of events, day by day, repeating events included (expanded from their rule)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import calendar, selectors


@login_not_required
def this_month(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return redirect("events:month", year=today.year, month=today.month)


@login_not_required
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 1900 < year < 3000):
        raise Http404(_("There is no such month."))
    first_day = date(year, month, 1)
    next_first = (first_day + timedelta(days=32)).replace(day=1)
    first = timezone.make_aware(datetime.combine(first_day, time.min))
    last = timezone.make_aware(datetime.combine(next_first, time.min))
    days: dict[date, list[tuple[object, object]]] = {}
    for event in selectors.month_events(first, last):
        for occurrence in calendar.occurrences_of(event, first, last):
            day = max(timezone.localtime(occurrence.starts_at).date(), first_day)
            days.setdefault(day, []).append((occurrence, event))
    listing = [
        (day, sorted(items, key=lambda pair: pair[0].starts_at))  # type: ignore[attr-defined]
        for day, items in sorted(days.items())
    ]
    previous = (first_day - timedelta(days=1)).replace(day=1)
    return render(
        request,
        "events/month.html",
        {"month": first_day, "days": listing, "previous": previous, "next": next_first},
    )
