from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from coopnet.core.mail import letter_to


@task()
def send_invitation_email(*, invitation_id: int) -> None:
    from .models import Invitation

    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    url = settings.SITE_URL.rstrip("/") + reverse("accounts:accept", args=[invitation.token])
    context = {"invitation": invitation, "url": url, "network": settings.NETWORK_NAME}
    letter = letter_to("accounts/email/invitation", context, invitation.email)
    send_mail(letter.subject, letter.body, None, letter.to)
