"""Building the emails: links with signed tokens, and newsletter messages with the one-click
unsubscribe headers of RFC 8058 (`List-Unsubscribe` and `List-Unsubscribe-Post`)."""

from __future__ import annotations

from email.utils import parseaddr
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from coopnet.core.mail import letters, render_email

from .models import Newsletter, Subscriber

CONFIRM_SALT = "coopnet.engagement.newsletter.confirm"
UNSUBSCRIBE_SALT = "coopnet.engagement.newsletter.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week


def site_url(name: str, **kwargs: object) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk}, salt=UNSUBSCRIBE_SALT)


def subscriber_for_confirm_token(token: str) -> Subscriber | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=data.get("s"), email=data.get("e")).first()


def subscriber_for_unsubscribe_token(token: str) -> Subscriber | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=data.get("s")).first()


def unsubscribe_mailbox() -> str:
    configured = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_EMAIL", "")
    if configured:
        return configured
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@localhost"
    return "unsubscribe@" + sender.rpartition("@")[2]


def unsubscribe_headers(token: str) -> dict[str, str]:
    url = site_url("newsletter:unsubscribe", token=token)
    mailto = f"mailto:{unsubscribe_mailbox()}?subject={quote('unsubscribe ' + token)}"
    return {
        "List-Unsubscribe": f"<{url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def newsletter_message(
    newsletter: Newsletter,
    *,
    to: str,
    token: str,
    test: bool = False,
    connection: BaseEmailBackend | None = None,
) -> EmailMessage:
    context = {
        "newsletter": newsletter,
        "network": settings.NETWORK_NAME,
        "unsubscribe_url": site_url("newsletter:unsubscribe", token=token),
        "test": test,
    }
    # An issue is written once, in the language its editors wrote it in: its frame matches it.
    subject, body = render_email("newsletter/email/issue", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[to],
        headers=unsubscribe_headers(token),
        connection=connection,
    )


def send_templated(template: str, context: dict, recipients: list[str]) -> None:
    """Send one plain-text email (subject and message templates) to each recipient."""
    if not recipients:
        return
    context = {**context, "network": settings.NETWORK_NAME}
    for letter in letters(f"engagement/email/{template}", context, recipients):
        for recipient in letter.to:
            send_mail(letter.subject, letter.body, None, [recipient])
