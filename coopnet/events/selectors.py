"""Reads for events: each returns its rows with what the page shows already joined, so a page
costs the same number of queries for 3 events or 3,000."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from coopnet.core.caching import remember_public
from coopnet.core.figures import Figure, Reported, figure_series, first_reported_date
from coopnet.core.membership_year import year_end, year_label, year_of, year_start
from coopnet.core.models import Principle
from coopnet.core.selectors import network_principles  # noqa: F401  (the one rule, kept in core)
from coopnet.members.models import LocalAuthority, Organisation
from coopnet.members.selectors import managed_organisation_ids

from .models import CalendarFeed, Event, EventQuerySet, Registration

EVENTS_FIGURE = "meetings-and-events"


def _principles() -> Prefetch:
    return Prefetch("principles", queryset=Principle.objects.order_by("order"))


def _changed() -> Prefetch:
    return Prefetch(
        "changed_occurrences",
        queryset=Event.objects.order_by("starts_at"),
    )


def _for_cards(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.select_related("organiser").prefetch_related(_principles())


def published_events() -> EventQuerySet:
    return Event.objects.published()


@dataclass(frozen=True)
class EventFilters:
    """The lists' filters, as they appear in the (shareable) address."""

    kind: str = ""
    organiser: str = ""
    attendance: str = ""  # "online" or "in_person"
    principle: str = ""
    region: str = ""
    start: date | None = None
    end: date | None = None

    @property
    def active(self) -> bool:
        return any(v not in ("", None) for v in self.__dict__.values())


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filter_events(qs: QuerySet[Event], f: EventFilters) -> QuerySet[Event]:
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.organiser:
        qs = qs.filter(organiser__slug=f.organiser)
    if f.attendance == "online":
        qs = qs.exclude(attendance=Event.Attendance.IN_PERSON)
    elif f.attendance == "in_person":
        qs = qs.exclude(attendance=Event.Attendance.ONLINE)
    if f.principle:
        qs = qs.filter(principles__slug=f.principle)
    if f.region:
        qs = qs.filter(
            Q(organiser__local_authority__region=f.region)
            | Q(organiser__area_authority__region=f.region)
        )
    if f.start:
        qs = qs.filter(ends_at__gte=_day_start(f.start))
    if f.end:
        qs = qs.filter(starts_at__lt=_day_start(f.end + timedelta(days=1)))
    return qs


def upcoming_events(f: EventFilters, *, now: datetime) -> QuerySet[Event]:
    return _for_cards(filter_events(published_events().upcoming(now), f)).order_by(
        "starts_at", "pk"
    )


def past_events(f: EventFilters, *, now: datetime) -> QuerySet[Event]:
    return _for_cards(filter_events(published_events().past(now), f)).order_by("-starts_at", "-pk")


def organiser_choices() -> QuerySet[Organisation]:
    """Organisations that organise at least one published event."""
    return (
        Organisation.objects.filter(events_organised__status=Event.Status.PUBLISHED)
        .distinct()
        .order_by("name")
    )


def _event_with_details(slug: str) -> Event:
    return (
        Event.objects.select_related("organiser", "series", "group")
        .prefetch_related(_principles(), _changed())
        .get(slug=slug)
    )


def event_for_page(slug: str) -> Event:
    """One event with its organiser, principles and place counts (raises Event.DoesNotExist).

    The event and what it shows of its organiser, series, group, principles and changed dates
    are public records, so they are remembered until public content next changes (compiling
    that read was most of the page's cost); the place counts are read fresh on every request."""
    event = remember_public("event-page", [slug], lambda: _event_with_details(slug))
    counts = dict(
        Registration.objects.filter(
            event=event,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
        )
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    event.confirmed_count = counts.get(Registration.Status.CONFIRMED, 0)  # type: ignore[attr-defined]
    event.waitlist_count = counts.get(Registration.Status.WAITLISTED, 0)  # type: ignore[attr-defined]
    return event


def registration_of(event: Event, user: Any) -> Registration | None:
    """The signed-in person's live registration for the event, if they have one."""
    if not (user and user.is_authenticated):
        return None
    return (
        event.registrations.filter(user=user, status__in=Registration.LIVE).order_by("-pk").first()
    )


def registrations_for(event: Event) -> QuerySet[Registration]:
    return event.registrations.filter(status__in=Registration.LIVE).order_by(
        "status", "position", "created_at"
    )


def moderation_queue() -> QuerySet[Event]:
    return _for_cards(Event.objects.filter(status=Event.Status.SUBMITTED)).order_by(
        "submitted_at", "pk"
    )


def events_of(user: Any) -> QuerySet[Event]:
    """Events the person created or whose organiser they manage (their drafts included)."""
    ids = managed_organisation_ids(user)
    return _for_cards(Event.objects.filter(Q(created_by=user) | Q(organiser_id__in=ids))).order_by(
        "-starts_at"
    )


def feed_events() -> QuerySet[Event]:
    """Every published event; a date changed on its own with its series (for its UID)."""
    return published_events().select_related("organiser", "series").order_by("starts_at", "pk")


@dataclass(frozen=True)
class EventsYear:
    year: int
    label: str
    computed: int
    reported: Reported | None
    # What may be said (coopnet.core.figures): the count only where the events are recorded
    # completely for the year, beside every figure published for its 31 July.
    figure: Figure


def events_kpi(years: list[int]) -> list[EventsYear]:
    """Meetings and events per membership year: counted from the published events that count
    towards the figure, beside the figures the network reported for that year, through the
    coverage rule (a year the records do not cover shows the published figure, not a count)."""
    counted = published_events().filter(counts_towards_events_figure=True)
    raw: dict[date, int] = {}
    for year in years:
        first, last = _day_start(year_start(year)), _day_start(year_end(year) + timedelta(days=1))
        raw[year_end(year)] = counted.filter(starts_at__gte=first, starts_at__lt=last).count()
    series = figure_series(
        {EVENTS_FIGURE: lambda covered: {d: raw[d] for d in covered}}, list(raw)
    )[EVENTS_FIGURE]
    rows = []
    for year in years:
        f = series[year_end(year)]
        first_reported = f.reported[0] if f.reported else None
        rows.append(EventsYear(year, year_label(year), raw[year_end(year)], first_reported, f))
    return rows


def kpi_years(today: date) -> list[int]:
    """From the first membership year with a counted event or a reported figure to this one."""
    firsts = [year_of(today)]
    first_event = (
        published_events().filter(counts_towards_events_figure=True).order_by("starts_at").first()
    )
    if first_event is not None:
        firsts.append(year_of(timezone.localtime(first_event.starts_at).date()))
    first_figure = first_reported_date(EVENTS_FIGURE)
    if first_figure is not None:
        firsts.append(year_of(first_figure))
    return list(range(min(firsts), year_of(today) + 1))


def registrations_of_user(user: Any) -> QuerySet[Registration]:
    """A signed-in person's live registrations, soonest event first."""
    return (
        Registration.objects.filter(user_id=user.pk, status__in=Registration.LIVE)
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def calendar_feed_of(user: Any) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user_id=user.pk).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.select_related("user").filter(token=token).first() if token else None
    )


def booked_events(user: Any) -> QuerySet[Event]:
    """The published events the person has a confirmed place on (their private feed)."""
    return (
        published_events()
        .filter(
            Q(
                registrations__user_id=user.pk,
                registrations__status=Registration.Status.CONFIRMED,
            )
            | Q(  # a date of a booked series changed on its own
                series__registrations__user_id=user.pk,
                series__registrations__status=Registration.Status.CONFIRMED,
            )
        )
        .select_related("organiser", "series")
        .distinct()
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class AttendeeRow:
    status: str
    position: int | None
    name: str
    email: str
    registered: date


def attendee_rows(event: Event) -> list[AttendeeRow]:
    """The live registrations as the organiser and staff may see them: people appear by name
    only if they agreed to share their details."""
    rows = []
    for r in registrations_for(event):
        shared = r.shares_details
        rows.append(
            AttendeeRow(
                status=r.get_status_display(),
                position=r.position,
                name=(r.name or r.email) if shared else "",
                email=r.email if shared else "",
                registered=timezone.localtime(r.created_at).date(),
            )
        )
    return rows


def region_choices() -> list[str]:
    return sorted(
        r
        for r in LocalAuthority.objects.exclude(region="")
        .values_list("region", flat=True)
        .distinct()
    )


def reminders_due(*, now: datetime, within: timedelta) -> QuerySet[Registration]:
    """Confirmed places on published events starting within `within` not yet reminded."""
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gte=now,
        event__starts_at__lte=now + within,
    ).order_by("pk")


def month_events(first: datetime, last: datetime) -> QuerySet[Event]:
    """Published events that may fall between two moments: single events overlapping them and
    repeating ones whose series has begun and not ended."""
    single = Q(recurrence="", starts_at__lt=last, ends_at__gte=first)
    repeating = (
        ~Q(recurrence="")
        & Q(starts_at__lt=last)
        & (Q(series_ends_at__isnull=True) | Q(series_ends_at__gte=first))
    )
    return (
        published_events()
        .filter(single | repeating)
        .select_related("organiser", "series")
        .prefetch_related("changed_occurrences")
        .order_by("pk")
    )


def group_choices() -> QuerySet[Any]:
    """The networks and groups an event may be for. Events link to engagement's groups by the
    foreign key alone (engagement reads events through these selectors, never the other way)."""
    group_model = Event._meta.get_field("group").related_model
    return group_model._default_manager.order_by("name")


def group_events(group: Any, *, now: datetime) -> QuerySet[Event]:
    """A group's published events still to come, soonest first (for the group's page)."""
    return _for_cards(published_events().upcoming(now).filter(group=group)).order_by(
        "starts_at", "pk"
    )


def past_group_events(group: Any, *, now: datetime) -> QuerySet[Event]:
    return _for_cards(published_events().past(now).filter(group=group)).order_by(
        "-starts_at", "-pk"
    )


GROUP_PAGE_EVENTS = 10
GROUP_PAGE_PAST = 5


def group_events_panel(request: Any, group: Any) -> dict[str, Any]:
    """What a group's page shows of its events (a panel at the place "group")."""
    now = timezone.now()
    return {
        "group_events": list(group_events(group, now=now)[:GROUP_PAGE_EVENTS]),
        "past_group_events": list(past_group_events(group, now=now)[:GROUP_PAGE_PAST]),
    }


def next_events(*, now: datetime, limit: int = 3) -> list[Event]:
    """The next few published events (for the home page)."""
    return list(upcoming_events(EventFilters(), now=now)[:limit])
