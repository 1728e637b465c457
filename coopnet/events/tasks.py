"""Background work for events: the emails people are sent about their places.

A confirmed place carries an iCalendar invitation (METHOD:REQUEST); a cancelled place its
withdrawal (METHOD:CANCEL). Every email has the link to cancel without signing in.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django_tasks import task

from coopnet.core.mail import letter_to

from .calendar import invitation
from .models import Registration

# Each message: templates events/email/<name>_subject.txt and events/email/<name>_message.txt.
MESSAGES = (
    "confirm_email",
    "confirmed",
    "reminder",
    "waitlisted",
    "promoted",
    "cancelled",
    "left_wait_list",
)
WITH_INVITATION = ("confirmed", "promoted", "reminder")


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@task()
def send_registration_email(*, registration_id: int, message: str) -> None:
    if message not in MESSAGES:
        raise ValueError(f"unknown registration message {message!r}")
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "network": settings.NETWORK_NAME,
        "event_url": _absolute(event.get_absolute_url()),
        "confirm_url": _absolute(reverse("events:confirm_email", args=[registration.token])),
        "cancel_url": _absolute(reverse("events:cancel_by_token", args=[registration.token])),
    }
    letter = letter_to(f"events/email/{message}", context, registration.email)
    email = EmailMessage(letter.subject, letter.body, None, letter.to)
    if message in WITH_INVITATION:
        email.attach("invite.ics", invitation(registration), "text/calendar; method=REQUEST")
    elif message == "cancelled":
        email.attach(
            "cancel.ics", invitation(registration, cancel=True), "text/calendar; method=CANCEL"
        )
    email.send()
