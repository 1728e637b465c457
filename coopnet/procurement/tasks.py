"""Messages to suppliers, sent after the transaction that logged them commits.

Every message is first written to the communication log (by the service, in its transaction);
these tasks send what the log holds and stamp when it went. A call-off's invitations are sent in
one background task however many suppliers there are.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import CommunicationLog, Invitation
from .selectors import manager_emails


def _send(log: CommunicationLog) -> None:
    recipients = [r for r in log.recipients.split(",") if r]
    if recipients:
        send_mail(log.subject, log.body, None, recipients)
    log.sent_at = timezone.now()
    log.save(update_fields=["sent_at"])


@task()
def send_communications(*, log_ids: Sequence[int]) -> None:
    for log in CommunicationLog.objects.filter(pk__in=list(log_ids), sent_at__isnull=True):
        _send(log)


@task()
def send_invitations(*, call_off_id: int) -> None:
    """Email every supplier invited to a call-off (those not yet told)."""
    logs = CommunicationLog.objects.filter(
        call_off_id=call_off_id, kind=CommunicationLog.Kind.INVITATION, sent_at__isnull=True
    )
    # The issuing step logs the invitations in one statement; who is told is found here.
    emails = manager_emails(
        set(logs.values_list("organisation_id", flat=True)), timezone.localdate()
    )
    for log in logs.iterator(chunk_size=500):
        if not log.recipients:
            log.recipients = emails.get(log.organisation_id, "")
            log.save(update_fields=["recipients"])
        _send(log)
    Invitation.objects.filter(Q(call_off_id=call_off_id), Q(notified_at__isnull=True)).update(
        notified_at=timezone.now()
    )
