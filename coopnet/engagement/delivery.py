"""Sending a newsletter issue in batches: the work of the background task.

Kept apart from the services so that the task can run it without importing the services, which
queue the task (no import cycle).
"""

from __future__ import annotations

from typing import Any

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record

from . import mail, selectors
from .models import Delivery, Newsletter, Subscriber

SENDER = System("newsletter_send")
BATCH_SIZE = 500


def _prepare(newsletter: Newsletter) -> None:
    """Write one delivery row per address of the audience (skipped when it may not receive)."""
    addresses = selectors.segment_addresses(newsletter, on=timezone.localdate())
    known = dict(Subscriber.objects.values_list("email", "pk"))
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=email,
                name=name[:200],
                person_id=person_id,
                status=Subscriber.Status.SUBSCRIBED,
                origin=Subscriber.Origin.MEMBERSHIP,
            )
            for email, (name, person_id) in addresses.items()
            if email not in known
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    subscribers = dict(Subscriber.objects.values_list("email", "pk"))
    Delivery.objects.bulk_create(
        [
            Delivery(newsletter=newsletter, subscriber_id=subscribers[email], email=email)
            for email in addresses
            if email in subscribers
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def newsletter_deliver(*, newsletter_id: int, batch_size: int = BATCH_SIZE) -> Newsletter:
    """Send a queued issue in batches. Each batch re-reads who may still receive it, so an
    unsubscribe or bounce during the send stops it; progress is saved after every batch. Run
    again after a crash, it carries on with the deliveries still waiting."""
    with acting_as(SENDER), transaction.atomic():
        newsletter = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter_id)
        if newsletter.status not in (Newsletter.Status.QUEUED, Newsletter.Status.SENDING):
            return newsletter
        _prepare(newsletter)
        newsletter.status = Newsletter.Status.SENDING
        newsletter.started_at = newsletter.started_at or timezone.now()
        newsletter.total = Delivery.objects.filter(newsletter=newsletter).count()
        newsletter.save(update_fields=["status", "started_at", "total"])
        audit_record(by=SENDER, action="newsletter.sending", target=newsletter)
    connection = get_connection()
    connection.open()  # one connection for the whole send, not one per message
    try:
        last_pk = 0
        while True:
            batch = list(
                Delivery.objects.filter(
                    newsletter_id=newsletter_id, status=Delivery.Status.PENDING, pk__gt=last_pk
                )
                .select_related("subscriber")
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            last_pk = batch[-1].pk
            _send_batch(newsletter, batch, connection)
    finally:
        connection.close()
    return _finish(newsletter_id)


def _finish(newsletter_id: int) -> Newsletter:
    with acting_as(SENDER), transaction.atomic():
        newsletter = Newsletter.objects.select_for_update(of=("self",)).get(pk=newsletter_id)
        newsletter.status = Newsletter.Status.SENT
        newsletter.finished_at = timezone.now()
        newsletter.save(update_fields=["status", "finished_at"])
        audit_record(
            by=SENDER,
            action="newsletter.sent",
            target=newsletter,
            changes={"sent": newsletter.sent_count, "failed": newsletter.failed_count},
        )
    return newsletter


def _send_batch(newsletter: Newsletter, batch: list[Delivery], connection: Any) -> None:
    now = timezone.now()
    sent: list[Delivery] = []
    failed: list[Delivery] = []
    skipped: list[Delivery] = []
    for delivery in batch:
        if not delivery.subscriber.may_receive:
            delivery.status = Delivery.Status.SKIPPED
            skipped.append(delivery)
            continue
        message = mail.newsletter_message(
            newsletter,
            to=delivery.email,
            token=mail.unsubscribe_token(delivery.subscriber),
            connection=connection,
        )
        try:
            message.send()
        except Exception:
            delivery.status = Delivery.Status.FAILED
            failed.append(delivery)
        else:
            delivery.status = Delivery.Status.SENT
            delivery.sent_at = now
            sent.append(delivery)
    with transaction.atomic():
        Delivery.objects.bulk_update([*sent, *failed, *skipped], ["status", "sent_at"])
        Newsletter.objects.filter(pk=newsletter.pk).update(
            sent_count=F("sent_count") + len(sent),
            failed_count=F("failed_count") + len(failed),
            skipped_count=F("skipped_count") + len(skipped),
        )
