"""Places on events: one click for people signed in, an email confirmation for the public, a
wait list that moves on by itself when a place is freed.

Every booking and cancellation locks the event's row first (SELECT ... FOR UPDATE on PostgreSQL;
SQLite transactions begin IMMEDIATE), so two people taking the last place at once get one place
and one wait-list entry, and the database refuses a second live registration for one person.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, System, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require

from .. import selectors
from ..errors import EventsError
from ..models import CalendarFeed, Event, Registration
from ..models.registrations import new_token
from ..tasks import send_registration_email

Status = Registration.Status
PUBLIC = System("public registration")
EMAIL_LINK = System("email link")


def _locked_event(event: Event) -> Event:
    return Event.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _tell(registration: Registration, message: str) -> None:
    transaction.on_commit(
        partial(send_registration_email.enqueue, registration_id=registration.pk, message=message)
    )


def _check_open(event: Event) -> None:
    if event.series_id is not None:
        raise EventsError(_("Places are booked on the series this date belongs to."))
    if not event.registration_is_open(timezone.now()):
        raise EventsError(_("Registration for this event is closed."))


def _place(event: Event, registration: Registration) -> None:
    """Give `registration` a place, or the next place on the wait list (event row locked)."""
    taken = event.registrations.filter(status=Status.CONFIRMED).count()
    if event.capacity is None or taken < event.capacity:
        registration.status = Status.CONFIRMED
        registration.position = None
        registration.confirmed_at = timezone.now()
    else:
        last = event.registrations.filter(status=Status.WAITLISTED).aggregate(n=Max("position"))
        registration.status = Status.WAITLISTED
        registration.position = (last["n"] or 0) + 1


def _save_new(registration: Registration) -> None:
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:
        raise EventsError(_("You are already registered for this event.")) from exc


@transaction.atomic
def registration_book(*, event: Event, by: Actor, shares_details: bool = False) -> Registration:
    """One click for a signed-in person: a place, or the wait list when the event is full."""
    require(by, "events.book", event)
    event = _locked_event(event)
    _check_open(event)
    user = user_of(by)
    if user is None:
        raise refuse(_("Sign in to book a place."))
    if event.registrations.filter(user=user, status__in=Registration.LIVE).exists():
        raise EventsError(_("You are already registered for this event."))
    with acting_as(by):
        registration = Registration(
            event=event,
            user=user,
            name=user.full_name,
            email=user.email.lower(),
            shares_details=shares_details,
        )
        _place(event, registration)
        _save_new(registration)
        audit_record(
            by=by,
            action=f"registration.{registration.status}",
            target=registration,
            about=[event],
        )
    _tell(registration, registration.status)
    return registration


@transaction.atomic
def registration_request(
    *, event: Event, name: str, email: str, shares_details: bool = False
) -> Registration:
    """A member of the public asks for a place by email: nothing is held until they follow the
    confirmation link sent to that address. Asking again sends the link (or the news) again."""
    event = _locked_event(event)
    if not event.public_registration:
        raise refuse(_("This event takes registrations from signed-in members only."))
    _check_open(event)
    email = email.strip().lower()
    if not email:
        raise EventsError(_("Enter your email address."), field="email")
    existing = event.registrations.filter(email=email, status__in=Registration.LIVE).first()
    if existing is not None:
        _tell(existing, "confirm_email" if existing.status == Status.PENDING else existing.status)
        return existing
    with acting_as(PUBLIC):
        registration = Registration(
            event=event,
            name=name.strip(),
            email=email,
            status=Status.PENDING,
            shares_details=shares_details,
        )
        _save_new(registration)
        audit_record(by=PUBLIC, action="registration.requested", target=registration, about=[event])
    _tell(registration, "confirm_email")
    return registration


def _by_token(token: str) -> Registration:
    registration = (
        Registration.objects.select_related("event").filter(token=token).first() if token else None
    )
    if registration is None:
        raise EventsError(_("That link is not valid. It may have been replaced by a newer one."))
    return registration


@transaction.atomic
def registration_confirm_email(*, token: str) -> Registration:
    """The confirmation link was followed: the address is theirs, so give the place (or the wait
    list). Following it again changes nothing."""
    registration = _by_token(token)
    event = _locked_event(registration.event)
    registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
    if registration.status != Status.PENDING:
        return registration
    _check_open(event)
    with acting_as(EMAIL_LINK):
        _place(event, registration)
        registration.save()
        audit_record(
            by=EMAIL_LINK,
            action=f"registration.{registration.status}",
            target=registration,
            about=[event],
        )
    _tell(registration, registration.status)
    return registration


def _cancel(registration: Registration, by: Actor) -> Registration:
    event = _locked_event(registration.event)
    registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        raise EventsError(_("This registration is already cancelled."))
    was = registration.status
    freed = was == Status.CONFIRMED
    with acting_as(by):
        registration.status = Status.CANCELLED
        registration.position = None
        registration.cancelled_at = timezone.now()
        registration.save()
        audit_record(by=by, action="registration.cancelled", target=registration, about=[event])
        if freed:
            _promote_first(event)
    if freed:
        _tell(registration, "cancelled")
    elif was == Status.WAITLISTED:
        _tell(registration, "left_wait_list")
    return registration


def _promote_first(event: Event) -> None:
    """The first on the wait list takes the freed place and is told (event row locked)."""
    first = (
        event.registrations.select_for_update(of=("self",))
        .filter(status=Status.WAITLISTED)
        .order_by("position", "pk")
        .first()
    )
    if first is None:
        return
    if event.capacity is not None:
        taken = event.registrations.filter(status=Status.CONFIRMED).count()
        if taken >= event.capacity:
            return
    first.status = Status.CONFIRMED
    first.position = None
    first.confirmed_at = timezone.now()
    first.save()
    audit_record(
        by=System("wait list"),
        action="registration.promoted",
        target=first,
        about=[event],
        summary=f"{first.name or first.email} took a freed place on {event}",
    )
    _tell(first, "promoted")


@transaction.atomic
def registration_cancel(*, registration: Registration, by: Actor) -> Registration:
    """A person cancels their own place (staff may cancel anyone's)."""
    require(by, "events.cancel_registration", registration)
    return _cancel(registration, by)


@transaction.atomic
def registration_cancel_by_token(*, token: str) -> Registration:
    """Cancelled from the link in the person's email (the token is the proof)."""
    return _cancel(_by_token(token), EMAIL_LINK)


@transaction.atomic
def calendar_feed_reset(*, by: Actor) -> CalendarFeed:
    """Give the person a private feed address, or a new one (the old address stops working)."""
    user = user_of(by)
    if user is None:
        raise refuse(_("Sign in to have a private calendar feed."))
    with acting_as(by):
        feed = CalendarFeed.objects.select_for_update(of=("self",)).filter(user=user).first()
        if feed is None:
            feed = CalendarFeed.objects.create(user=user)
            action = "calendar_feed.created"
        else:
            feed.token = new_token()
            feed.save()
            action = "calendar_feed.reset"
        audit_record(by=by, action=action, target=feed, summary=f"{action}: {user}")
    return feed


def registrations_remind(*, by: System, within: timedelta) -> int:
    """Email each confirmed person whose event starts within `within` (once per place)."""
    sent = 0
    due = selectors.reminders_due(now=timezone.now(), within=within)
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(of=("self",))
                .filter(pk=pk, reminded_at=None)
                .first()
            )
            if registration is None or registration.status != Status.CONFIRMED:
                continue
            with acting_as(by):
                registration.reminded_at = timezone.now()
                registration.save(update_fields=["reminded_at"])
            _tell(registration, "reminder")
            sent += 1
    return sent


@transaction.atomic
def registration_mark_attendance(
    *, registration: Registration, by: Actor, attended: bool
) -> Registration:
    """The organiser (or staff) records whether a person with a place came."""
    event = registration.event
    require(by, "events.view_registrations", event)
    if event.starts_at > timezone.now():
        raise EventsError(_("Attendance can be recorded once the event has started."))
    registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
    if registration.status != Status.CONFIRMED:
        raise EventsError(_("Only people with a confirmed place can be marked as attending."))
    with acting_as(by):
        registration.attended = attended
        registration.save(update_fields=["attended"])
        audit_record(
            by=by,
            action="registration.attended" if attended else "registration.absent",
            target=registration,
            about=[event],
        )
    return registration
