"""What every procurement write shares: who is told, and how a message is logged."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from coopnet.members.models import Organisation, Role

from .. import tasks
from ..models import CallOff, CommunicationLog, SupplierApplication


def manager_emails(organisation_ids: Iterable[int], on: date) -> dict[int, str]:
    """The email addresses of the people managing each organisation on `on`, comma-separated."""
    found: dict[int, set[str]] = {}
    roles = Role.objects.managers_of(organisation_ids, on=on).select_related("person__user")
    for role in roles:
        user = role.person.user
        email = (user.email if user else "") or role.person.email
        if email:
            found.setdefault(role.organisation_id, set()).add(email)
    return {org_id: ",".join(sorted(emails)) for org_id, emails in found.items()}


def log_message(
    *,
    kind: str,
    organisation: Organisation,
    subject: str,
    body: str,
    call_off: CallOff | None = None,
    application: SupplierApplication | None = None,
) -> CommunicationLog:
    day = timezone.localdate()
    return CommunicationLog.objects.create(
        kind=kind,
        organisation=organisation,
        call_off=call_off,
        application=application,
        subject=subject[:300],
        body=body,
        recipients=manager_emails([organisation.pk], day).get(organisation.pk, ""),
        logged_at=timezone.now(),
    )


def send_after_commit(logs: Iterable[CommunicationLog]) -> None:
    ids = [log.pk for log in logs]
    if ids:
        transaction.on_commit(lambda: tasks.send_communications.enqueue(log_ids=ids))
