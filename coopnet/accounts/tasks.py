from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from coopnet.core.mail import render_email


@task()
def send_invitation_email(*, invitation_id: int) -> None:
    from .models import Invitation

    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    url = settings.SITE_URL.rstrip("/") + reverse("accounts:accept", args=[invitation.token])
    context = {"invitation": invitation, "url": url, "network": settings.NETWORK_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = render_email("accounts/email/invitation", context)
    send_mail(subject, body, None, [invitation.email])
