"""Events' part of the permission matrix: every URL, every role."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import (
    DENY,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    editors_of_a,
    everyone,
    signed_in,
)
from coopnet.events.models import CalendarFeed, Event, Registration

from .factories import EventFactory, RegistrationFactory


def _published(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["events_published"].slug}


def _draft(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["events_draft"].slug}


def _submitted(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["events_submitted"].slug}


def _posting(*roles: str, other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), **dict.fromkeys(roles, REDIRECT)}


MANAGERS = ("officer_a", "officer_b", "network_admin")

ENTRIES: dict[str, Entry] = {
    "events_feed": Entry(everyone(OK)),
    "events:upcoming": Entry(everyone(OK)),
    "events:past": Entry(everyone(OK)),
    "events:kpis": Entry(everyone(OK)),
    "events:this_month": Entry(everyone(REDIRECT)),
    "events:month": Entry(everyone(OK), lambda c: {"year": 2022, "month": 2}),
    "events:submit": Entry({**signed_in(DENY), **dict.fromkeys(MANAGERS, OK)}),
    "events:mine": Entry(signed_in(OK)),
    "events:moderation": Entry(admins_only()),
    "events:my_calendar": Entry(signed_in(OK)),
    # The secret address is the key: calendar apps cannot sign in.
    "events:private_feed": Entry(everyone(OK), lambda c: {"token": c["events_feed"].token}),
    "events:attendees_csv": Entry(editors_of_a(), _published),
    "events:attendance": Entry(editors_of_a(), _published),
    # The links in emails work without signing in; the token is the proof.
    "events:confirm_email": Entry(everyone(OK), lambda c: {"token": c["events_pending"].token}),
    "events:cancel_by_token": Entry(everyone(OK), lambda c: {"token": c["events_place"].token}),
    "events:event": Entry(everyone(OK), _published),
    "events:edit": Entry(editors_of_a(), _draft),
    "events:send_for_review": Entry(_posting("officer_a", "network_admin"), _draft, method="post"),
    "events:moderate": Entry(admins_only(), _submitted),
    # Not a repeating event: the organiser is sent back with the reason.
    "events:skip_date": Entry(_posting("officer_a", "network_admin"), _published, method="post"),
    # Without a date and a choice (one date, or the ones after), back to the event with a message;
    # the form itself is tested in test_changed_dates.
    "events:change_date": Entry(_posting("officer_a", "network_admin"), _published),
    # Booking and cancelling send the person back to the event with a message.
    "events:book": Entry(signed_in(REDIRECT), _published, method="post"),
    "events:cancel": Entry(signed_in(REDIRECT), _published, method="post"),
    # A public sign-up with nothing filled in shows the form again.
    "events:register": Entry(everyone(OK), _published, method="post"),
    # API: published events for everyone; one's own places for people signed in.
    "api:event-list": Entry(everyone(OK)),
    "api:event-detail": Entry(everyone(OK), _published),
    "api:my-event-registration-list": Entry({**signed_in(OK), "anonymous": DENY}),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    org_a = ctx["org_a"]
    published = EventFactory(organiser=org_a, public_registration=True, capacity=5)
    draft = EventFactory(organiser=org_a, status=Event.Status.DRAFT)
    submitted = EventFactory(organiser=org_a, status=Event.Status.SUBMITTED)
    pending = RegistrationFactory(event=published, status=Registration.Status.PENDING)
    place = RegistrationFactory(event=published)
    feed = CalendarFeed.objects.create(user=ctx["users"]["supporter"])
    return {
        "events_feed": feed,
        "events_published": published,
        "events_draft": draft,
        "events_submitted": submitted,
        "events_pending": pending,
        "events_place": place,
    }
