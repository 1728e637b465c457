"""The newsletter: double opt-in sign-up, unsubscribing, bounces, composing, testing, sending."""

from __future__ import annotations

from typing import Any

from django.core.validators import validate_email
from django.db import transaction
from django.forms import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require

from .. import mail, tasks
from ..delivery import SENDER, newsletter_deliver
from ..errors import EngagementError
from ..models import Group, Newsletter, Subscriber

SIGNUP = System("newsletter_signup")


def _email(address: str) -> str:
    address = (address or "").strip().lower()
    try:
        validate_email(address)
    except ValidationError as exc:
        raise EngagementError(
            _("Enter an email address like name@example.org."), field="email"
        ) from exc
    return address


@transaction.atomic
def subscriber_signup(*, email: str, name: str, source: str, wording: str) -> Subscriber:
    """Record a public sign-up and its consent; the newsletter starts once the link is followed."""
    email = _email(email)
    if not wording.strip():
        raise EngagementError(_("Agree to receive the newsletter."), field="consent")
    now = timezone.now()
    with acting_as(SIGNUP):
        subscriber = Subscriber.objects.select_for_update(of=("self",)).filter(email=email).first()
        if (
            subscriber is not None
            and subscriber.status == Subscriber.Status.SUBSCRIBED
            and subscriber.origin == Subscriber.Origin.SIGNUP
        ):
            return subscriber  # nothing to confirm; say nothing that reveals who subscribes
        if subscriber is None:
            subscriber = Subscriber(email=email, origin=Subscriber.Origin.SIGNUP)
        subscriber.name = name.strip()[:200]
        subscriber.status = Subscriber.Status.PENDING
        subscriber.origin = Subscriber.Origin.SIGNUP
        subscriber.consent_at = now
        subscriber.consent_source = source[:200]
        subscriber.consent_wording = wording.strip()
        subscriber.save()
        audit_record(
            by=SIGNUP,
            action="newsletter.signed_up",
            target=subscriber,
            changes={"source": subscriber.consent_source},
        )
    pk = subscriber.pk
    transaction.on_commit(lambda: tasks.send_confirmation_email.enqueue(subscriber_id=pk))
    return subscriber


@transaction.atomic
def subscriber_confirm(*, token: str) -> Subscriber:
    """The second step of the double opt-in: the link in the confirmation email."""
    subscriber = mail.subscriber_for_confirm_token(token)
    if subscriber is None:
        raise EngagementError(_("This confirmation link is not valid or has expired."))
    subscriber = Subscriber.objects.select_for_update(of=("self",)).get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.SUBSCRIBED:
        return subscriber
    if subscriber.status != Subscriber.Status.PENDING:
        raise EngagementError(_("This confirmation link is no longer valid: sign up again."))
    with acting_as(SIGNUP):
        subscriber.status = Subscriber.Status.SUBSCRIBED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
        audit_record(by=SIGNUP, action="newsletter.confirmed", target=subscriber)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber, how: str) -> Subscriber:
    """Stop sending to this address (a link, a mail provider's one-click request, staff)."""
    subscriber = Subscriber.objects.select_for_update(of=("self",)).get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return subscriber
    by = System("newsletter_unsubscribe")
    with acting_as(by):
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        audit_record(by=by, action="newsletter.unsubscribed", target=subscriber, reason=how)
    return subscriber


@transaction.atomic
def subscriber_bounce(*, email: str, by: Any, reason: str = "") -> Subscriber:
    """A hard bounce: stop sending to the address (it stays recorded so it is never re-added)."""
    require(by, "engagement.manage_newsletter")
    email = _email(email)
    with acting_as(by):
        subscriber, _created = Subscriber.objects.select_for_update(of=("self",)).get_or_create(
            email=email,
            defaults={"status": Subscriber.Status.BOUNCED, "origin": Subscriber.Origin.MEMBERSHIP},
        )
        subscriber.status = Subscriber.Status.BOUNCED
        subscriber.bounced_at = timezone.now()
        subscriber.bounce_reason = reason[:300]
        subscriber.save()
        audit_record(by=by, action="newsletter.bounced", target=subscriber, reason=reason)
    return subscriber


def _check_segment(segment: str, group: Group | None) -> None:
    if segment not in Newsletter.Segment.values:
        raise EngagementError(_("Choose who the newsletter is for."), field="segment")
    if segment == Newsletter.Segment.GROUP and group is None:
        raise EngagementError(_("Choose the group to write to."), field="group")


@transaction.atomic
def newsletter_create(
    *, by: Any, subject: str, body: str, segment: str, group: Group | None = None
) -> Newsletter:
    require(by, "engagement.manage_newsletter")
    _check_segment(segment, group)
    with acting_as(by):
        newsletter = Newsletter.objects.create(
            subject=subject.strip(),
            body=body.strip(),
            segment=segment,
            group=group if segment == Newsletter.Segment.GROUP else None,
            created_by=by,
        )
        audit_record(by=by, action="newsletter.created", target=newsletter)
    return newsletter


@transaction.atomic
def newsletter_update(
    *,
    newsletter: Newsletter,
    by: Any,
    subject: str,
    body: str,
    segment: str,
    group: Group | None = None,
) -> Newsletter:
    require(by, "engagement.manage_newsletter")
    newsletter = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter.pk)
    if not newsletter.is_draft:
        raise EngagementError(_("Only a draft can be changed."))
    _check_segment(segment, group)
    with acting_as(by):
        newsletter.subject = subject.strip()
        newsletter.body = body.strip()
        newsletter.segment = segment
        newsletter.group = group if segment == Newsletter.Segment.GROUP else None
        newsletter.save()
        audit_record(by=by, action="newsletter.changed", target=newsletter)
    return newsletter


@transaction.atomic
def newsletter_send_test(*, newsletter: Newsletter, by: Any, email: str) -> None:
    """Send the issue to one address to check it, marked as a test."""
    require(by, "engagement.manage_newsletter")
    email = _email(email)
    audit_record(by=by, action="newsletter.test_sent", target=newsletter, changes={"to": email})
    pk = newsletter.pk
    transaction.on_commit(lambda: tasks.send_newsletter_test.enqueue(newsletter_id=pk, email=email))


@transaction.atomic
def newsletter_send(*, newsletter: Newsletter, by: Any) -> Newsletter:
    """Queue the issue for sending in the background; the progress page follows it."""
    require(by, "engagement.manage_newsletter")
    newsletter = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter.pk)
    if not newsletter.is_draft:
        raise EngagementError(_("This newsletter has already been sent."))
    with acting_as(by):
        newsletter.status = Newsletter.Status.QUEUED
        newsletter.queued_at = timezone.now()
        newsletter.save(update_fields=["status", "queued_at"])
        audit_record(by=by, action="newsletter.queued", target=newsletter)
    pk = newsletter.pk
    transaction.on_commit(lambda: tasks.deliver_newsletter.enqueue(newsletter_id=pk))
    return newsletter


__all__ = ["SENDER", "newsletter_deliver"]
