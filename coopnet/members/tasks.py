"""Background work for the registry: the email a leaving member is sent. (Applicants' emails are
in `joining/tasks.py`.)"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from coopnet.core.mail import letter_to

from .models import Membership


@task()
def send_notice_email(*, membership_id: int, email: str) -> None:
    membership = Membership.objects.select_related("organisation", "category").get(pk=membership_id)
    context = {"membership": membership, "network": settings.NETWORK_NAME}
    letter = letter_to("joining/email/notice", context, email)
    EmailMessage(letter.subject, letter.body, None, letter.to).send()
