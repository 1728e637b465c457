"""Background work for the registry: the email a leaving member is sent. (Applicants' emails are
in `joining/tasks.py`.)"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django_tasks import task

from coopnet.core.mail import render_email

from .models import Membership


@task()
def send_notice_email(*, membership_id: int, email: str) -> None:
    membership = Membership.objects.select_related("organisation", "category").get(pk=membership_id)
    context = {"membership": membership, "network": settings.NETWORK_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = render_email("joining/email/notice", context)
    EmailMessage(subject, body, None, [email]).send()
