"""Every newsletter email carries a one-click unsubscribe (RFC 8058), read from the real message."""

from __future__ import annotations

import re
from email import message_from_bytes
from typing import Any

import pytest
from django.core import mail as outbox
from django.test import Client
from django.urls import reverse

from .. import services
from ..models import Newsletter, Subscriber
from .factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def _sent_one(network_admin) -> tuple[Subscriber, Any]:
    subscriber = SubscriberFactory.create()
    newsletter = NewsletterFactory.create()
    services.newsletter_send(newsletter=newsletter, by=network_admin)
    services.newsletter_deliver(newsletter_id=newsletter.pk)
    assert len(outbox.outbox) == 1
    return subscriber, message_from_bytes(outbox.outbox[0].message().as_bytes())


def test_list_unsubscribe_headers_are_on_the_message(network_admin, settings):
    settings.SITE_URL = "https://coopnet.example.org"
    settings.NEWSLETTER_UNSUBSCRIBE_EMAIL = "unsubscribe@coopnet.example.org"
    _subscriber, message = _sent_one(network_admin)
    header = message["List-Unsubscribe"]
    links = re.findall(r"<([^>]+)>", header)
    assert len(links) == 2
    https, mailto = links
    assert https.startswith("https://coopnet.example.org/newsletter/unsubscribe/")
    assert mailto.startswith("mailto:unsubscribe@coopnet.example.org?subject=")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The body has the same one-click link.
    assert https in message.get_payload(decode=True).decode()


def test_the_one_click_post_from_a_mail_provider_unsubscribes_without_csrf(network_admin, settings):
    settings.SITE_URL = "https://coopnet.example.org"
    subscriber, message = _sent_one(network_admin)
    https = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])[0]
    path = https.removeprefix("https://coopnet.example.org")
    client = Client(enforce_csrf_checks=True)
    # A GET (a link scanner, a person's click) changes nothing: it asks to confirm.
    page = client.get(path)
    assert page.status_code == 200
    assert b"Unsubscribe" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    # RFC 8058: POST with the body "List-Unsubscribe=One-Click".
    response = client.post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # And nothing more is sent to them.
    outbox.outbox.clear()
    newsletter = NewsletterFactory()
    services.newsletter_send(newsletter=newsletter, by=network_admin)
    services.newsletter_deliver(newsletter_id=newsletter.pk)
    assert outbox.outbox == []


def test_a_tampered_unsubscribe_link_is_refused(client):
    response = client.post(reverse("newsletter:unsubscribe", kwargs={"token": "forged"}))
    assert response.status_code == 400


def test_a_test_send_carries_the_headers_too(network_admin, django_capture_on_commit_callbacks):
    newsletter = NewsletterFactory(segment=Newsletter.Segment.PUBLIC)
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send_test(newsletter=newsletter, by=network_admin, email="me@x.org")
    message = message_from_bytes(outbox.outbox[0].message().as_bytes())
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<mailto:" in message["List-Unsubscribe"]
