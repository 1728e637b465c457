"""Events: members submit them, staff moderate them, organisers edit their own."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, is_system, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.models import Principle
from coopnet.core.richtext import missing_alt, sanitise
from coopnet.core.search.index import refresh
from coopnet.core.slugs import unique_slug
from coopnet.core.uploads import image_format, stored_image_name
from coopnet.members.models import Organisation
from coopnet.members.permissions import manages_organisation

from ..calendar import vevent
from ..errors import EventsError
from ..models import Event
from ..recurrence import RecurrenceError, check_rule, occurrences, series_end

Status = Event.Status


@dataclass(frozen=True)
class EventDetails:
    """What an organiser says about an event (the submit and edit forms give these)."""

    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    organiser: Organisation | None
    attendance: str = Event.Attendance.IN_PERSON
    all_day: bool = False
    summary: str = ""
    speakers: str = ""
    description: str = ""
    venue: str = ""
    address: str = ""
    joining_link: str = ""
    capacity: int | None = None
    registration_open: bool = False
    registration_closes_at: datetime | None = None
    public_registration: bool = False
    counts_towards_events_figure: bool = True
    recurrence: str = ""
    date_precision: str = Event.Precision.EXACT
    source: str = ""
    skipped_dates: tuple[str, ...] = ()
    image_alt: str = ""
    group: Any = None  # an engagement Group, or None


PLAIN = tuple(
    f.name
    for f in fields(EventDetails)
    if f.name not in ("description", "organiser", "skipped_dates", "group")
)
IMAGE_MAX_BYTES = 5 * 1024 * 1024


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _check(details: EventDetails) -> None:
    if not details.title.strip():
        raise EventsError(_("Enter the event's title."), field="title")
    if timezone.is_naive(details.starts_at) or timezone.is_naive(details.ends_at):
        raise TypeError("event times must be aware")
    if details.ends_at < details.starts_at:
        raise EventsError(_("The event must end after it starts."), field="ends_at")
    if details.attendance != Event.Attendance.ONLINE and not (details.venue or details.address):
        raise EventsError(_("Give the venue of an event held in person."), field="venue")
    closes = details.registration_closes_at
    if closes is not None and closes > details.ends_at:
        raise EventsError(
            _("Registration must close before the event ends."), field="registration_closes_at"
        )
    if details.recurrence:
        try:
            check_rule(details.recurrence)
        except RecurrenceError as exc:
            raise EventsError(
                _("The repeat rule is not an iCalendar RRULE."), field="recurrence"
            ) from exc


def _check_organiser(organiser: Organisation | None, by: Actor) -> None:
    if is_system(by) or getattr(by, "is_network_admin", False):
        return
    if organiser is None or not manages_organisation(by, organiser):
        raise EventsError(
            _("You can only submit events for an organisation whose profile you manage."),
            field="organiser",
        )


def _check_image(image: UploadedFile | None, details: EventDetails, event: Event) -> None:
    """An image is recognised by its content (JPEG, PNG or WebP) and stored under the extension
    of what it is; an event with an image needs its description (alt text)."""
    if image is not None:
        if image.size is None or image.size > IMAGE_MAX_BYTES:
            raise EventsError(_("The image is larger than 5 MB."), field="image")
        kind = image_format(image)
        if kind is None:
            raise EventsError(_("The image must be a JPEG, PNG or WebP picture."), field="image")
        image.name = stored_image_name(secrets.token_hex(8), kind)
    if (image is not None or event.image) and not details.image_alt.strip():
        raise EventsError(_("Describe the image for people who cannot see it."), field="image_alt")


def _apply(event: Event, details: EventDetails, image: UploadedFile | None = None) -> None:
    _check_image(image, details, event)
    for name in PLAIN:
        setattr(event, name, getattr(details, name))
    event.image_alt = details.image_alt.strip()
    if image is not None:
        event.image = image
    event.organiser = details.organiser
    event.group = details.group
    event.skipped_dates = sorted(set(details.skipped_dates))
    event.series_ends_at = series_end(details.starts_at, details.ends_at, details.recurrence)
    text = sanitise(details.description)
    if missing_alt(text.html):
        raise EventsError(
            _('Every image in the description needs alt text (alt="...").'), field="description"
        )
    event.description_html, event.description_text = text.html, text.text


@transaction.atomic
def event_create(
    *,
    by: Actor,
    details: EventDetails,
    principles: Iterable[Principle] = (),
    image: UploadedFile | None = None,
) -> Event:
    """A new draft event, organised by an organisation the author manages (staff: any, or none)."""
    require(by, "events.submit_event")
    _check(details)
    _check_organiser(details.organiser, by)
    with acting_as(by):
        event = Event(status=Status.DRAFT, created_by=user_of(by))
        _apply(event, details, image)
        event.slug = unique_slug(Event, details.title, fallback="event")
        event.save()
        event.principles.set(list(principles))
        refresh(event)  # the principles facet changed after the save
        audit_record(by=by, action="event.created", target=event, about=[event.organiser])
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    by: Actor,
    details: EventDetails,
    principles: Iterable[Principle] | None = None,
    image: UploadedFile | None = None,
) -> Event:
    """Change an event. Organisers edit their own (a rejected one no longer); a published event
    stays published and its calendar entry moves on a version (SEQUENCE)."""
    event = _locked(event)
    require(by, "events.change_event", event)
    staff = is_system(by) or getattr(by, "is_network_admin", False)
    if not staff and not event.is_editable_by_organiser:
        raise EventsError(_("A rejected event cannot be changed."))
    _check(details)
    if details.organiser != event.organiser:
        _check_organiser(details.organiser, by)
    with acting_as(by):
        _apply(event, details, image)
        if event.is_published:
            event.sequence += 1
        event.save()
        if principles is not None:
            event.principles.set(list(principles))
            refresh(event)  # the principles facet changed after the save
        audit_record(by=by, action="event.updated", target=event, about=[event.organiser])
    return event


@transaction.atomic
def event_submit(*, event: Event, by: Actor) -> Event:
    """Send a draft (or a returned event) to the network for review."""
    event = _locked(event)
    require(by, "events.change_event", event)
    if event.status not in (Status.DRAFT, Status.RETURNED):
        raise EventsError(_("Only a draft or a returned event can be submitted."))
    with acting_as(by):
        event.status = Status.SUBMITTED
        event.submitted_at = timezone.now()
        event.save()
        audit_record(by=by, action="event.submitted", target=event, about=[event.organiser])
    return event


def _moderate(event: Event, by: Actor, *, to: str, action: str, comment: str = "") -> Event:
    require(by, "events.moderate", event)
    with acting_as(by):
        event.status = to
        event.moderation_comment = comment
        if to == Status.PUBLISHED and event.published_at is None:
            event.published_at = timezone.now()
        event.save()
        audit_record(by=by, action=action, target=event, about=[event.organiser], reason=comment)
    return event


@transaction.atomic
def event_publish(*, event: Event, by: Actor) -> Event:
    """Staff publish a submitted event (or their own draft)."""
    event = _locked(event)
    require(by, "events.moderate", event)
    if event.status not in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED):
        raise EventsError(_("This event cannot be published from its current status."))
    return _moderate(event, by, to=Status.PUBLISHED, action="event.published")


@transaction.atomic
def event_return(*, event: Event, by: Actor, comment: str) -> Event:
    """Send a submitted event back to its organiser with what to change."""
    event = _locked(event)
    require(by, "events.moderate", event)
    if event.status != Status.SUBMITTED:
        raise EventsError(_("Only a submitted event can be returned."))
    if not comment.strip():
        raise EventsError(_("Say what the organiser should change."), field="comment")
    return _moderate(event, by, to=Status.RETURNED, action="event.returned", comment=comment)


@transaction.atomic
def event_reject(*, event: Event, by: Actor, comment: str) -> Event:
    """Refuse a submitted event (or take down a published one), saying why."""
    event = _locked(event)
    require(by, "events.moderate", event)
    if event.status not in (Status.SUBMITTED, Status.PUBLISHED):
        raise EventsError(_("Only a submitted or published event can be rejected."))
    if not comment.strip():
        raise EventsError(_("Say why the event is rejected."), field="comment")
    return _moderate(event, by, to=Status.REJECTED, action="event.rejected", comment=comment)


def _occurrence_start(event: Event, day: date) -> datetime:
    """When the occurrence of a repeating event on `day` starts (refused if it has none)."""
    first = timezone.localtime(event.starts_at)
    window_start = datetime.combine(day, time.min, first.tzinfo)
    found = occurrences(vevent(event), window_start, window_start + timedelta(days=1))
    for o in found:
        if timezone.localtime(o.starts_at).date() == day:
            return o.starts_at
    raise EventsError(_("The event does not take place on that date."), field="day")


def _repeating(event: Event, message: str) -> None:
    if not event.recurrence or event.is_changed_occurrence:
        raise EventsError(message)


@transaction.atomic
def event_skip_occurrence(*, event: Event, by: Actor, day: date) -> Event:
    """One date of a repeating event does not take place (an iCalendar EXDATE)."""
    event = _locked(event)
    require(by, "events.change_event", event)
    _repeating(event, _("Only a repeating event has dates to skip."))
    _occurrence_start(event, day)
    with acting_as(by):
        event.skipped_dates = sorted({*event.skipped_dates, day.isoformat()})
        if event.is_published:
            event.sequence += 1
        event.save()
        audit_record(
            by=by,
            action="event.occurrence_skipped",
            target=event,
            about=[event.organiser],
            changes={"skipped": day.isoformat()},
        )
    return event


@transaction.atomic
def event_change_occurrence(
    *,
    event: Event,
    by: Actor,
    day: date,
    details: EventDetails,
    principles: Iterable[Principle] | None = None,
    image: UploadedFile | None = None,
) -> Event:
    """Change one date of a repeating event on its own (another time, place or title that day).

    The changed date is an event of its own that replaces the occurrence (iCalendar
    RECURRENCE-ID, same UID as the series); the rule and the other dates stay. Changing the same
    date again changes that event. People's places stay with the series."""
    event = _locked(event)
    require(by, "events.change_event", event)
    _repeating(event, _("Only a repeating event has dates to change one by one."))
    if day.isoformat() in event.skipped_dates:
        raise EventsError(_("That date is skipped: it does not take place."), field="day")
    original = _occurrence_start(event, day)
    details = replace(details, recurrence="", skipped_dates=())
    _check(details)
    if details.organiser != event.organiser:
        _check_organiser(details.organiser, by)
    with acting_as(by):
        changed = (
            event.changed_occurrences.select_for_update(of=("self",))
            .filter(recurrence_id=original)
            .first()
        )
        created = changed is None
        if changed is None:
            changed = Event(
                series=event,
                recurrence_id=original,
                status=event.status,
                created_by=user_of(by),
                published_at=event.published_at,
                image=event.image,
                counts_towards_events_figure=event.counts_towards_events_figure,
                moderation_comment=event.moderation_comment,
            )
            changed.slug = unique_slug(Event, f"{details.title} {day.isoformat()}")
        else:
            changed.sequence += 1
        _apply(changed, details, image)
        changed.counts_towards_events_figure = event.counts_towards_events_figure
        changed.save()
        changed.principles.set(
            list(principles) if principles is not None else list(event.principles.all())
        )
        refresh(changed)
        if event.is_published:
            event.sequence += 1
            event.save(update_fields=["sequence"])
        audit_record(
            by=by,
            action="event.occurrence_changed",
            target=changed,
            about=[event, event.organiser],
            changes={"date": day.isoformat(), "new": created},
        )
    return changed


@transaction.atomic
def event_change_following(
    *,
    event: Event,
    by: Actor,
    from_day: date,
    details: EventDetails,
    image: UploadedFile | None = None,
) -> Event:
    """Change a repeating event from one date on: the series so far ends the day before, and a
    new series with the new details (and their rule) starts on that date. Returns the new series,
    published if the old one was; people's places stay with the earlier series."""
    event = _locked(event)
    require(by, "events.change_event", event)
    _repeating(event, _("Only a repeating event can be changed from a date on."))
    if timezone.localtime(event.starts_at).date() >= from_day:
        raise EventsError(_("To change every date, change the event itself."), field="from_day")
    if timezone.localtime(details.starts_at).date() < from_day:
        raise EventsError(_("The new dates must start on or after that date."), field="from_day")
    _check(details)
    until = datetime.combine(from_day, time.min, timezone.get_current_timezone())
    old_rule = icalendar.vRecur.from_ical(event.recurrence)
    old_rule.pop("COUNT", None)
    old_rule["UNTIL"] = [(until - timedelta(seconds=1)).astimezone(ZoneInfo("UTC"))]
    with acting_as(by):
        event.recurrence = old_rule.to_ical().decode()
        event.series_ends_at = series_end(event.starts_at, event.ends_at, event.recurrence)
        event.skipped_dates = [d for d in event.skipped_dates if d < from_day.isoformat()]
        event.sequence += 1
        event.save()
        # Dates changed one by one from that day on belong to the dates the new series replaces.
        for changed in event.changed_occurrences.filter(recurrence_id__gte=until):
            changed.delete()
        following = Event(
            status=event.status,
            created_by=user_of(by),
            published_at=event.published_at,
            image=event.image,
            counts_towards_events_figure=event.counts_towards_events_figure,
        )
        _apply(following, details, image)
        following.slug = unique_slug(Event, f"{details.title} {from_day.isoformat()}")
        following.save()
        following.principles.set(list(event.principles.all()))
        refresh(following)
        audit_record(
            by=by,
            action="event.series_split",
            target=following,
            about=[event, event.organiser],
            changes={"from": from_day.isoformat(), "earlier_series": event.slug},
        )
    return following
