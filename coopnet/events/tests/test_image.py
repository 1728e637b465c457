"""An event's image: recognised by its content, stored under the extension of what it is, with
alt text required, shown on the page and in the schema.org JSON-LD."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from coopnet.core.uploads import image_format
from coopnet.events.models import Event

pytestmark = pytest.mark.django_db


def _image(kind: str = "PNG", name: str = "picture.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _form(**extra) -> dict:
    return {
        "title": "Fringe at the party conference",
        "kind": Event.Kind.FRINGE,
        "start_date": "2031-09-24",
        "start_time": "12:30",
        "end_time": "14:00",
        "attendance": Event.Attendance.IN_PERSON,
        "venue": "Conference centre",
        **extra,
    }


def test_image_format_reads_the_content_not_the_name():
    assert image_format(_image("PNG", "a.jpg")) == "PNG"
    assert image_format(_image("JPEG", "a.png")) == "JPEG"
    assert image_format(SimpleUploadedFile("a.png", b"<script>alert(1)</script>")) is None
    truncated = _image("PNG").read()[:40]
    assert image_format(SimpleUploadedFile("a.png", truncated)) is None


def test_an_event_with_an_image_and_its_description(client, network_admin):
    client.force_login(network_admin)
    response = client.post(
        reverse("events:submit"),
        _form(image=_image("JPEG", "photo.png"), image_alt="Members at the fringe stall"),
    )
    assert response.status_code == 302
    event = Event.objects.get(title="Fringe at the party conference")
    assert event.image.name.endswith(".jpg")  # stored by what it is, not what it was called
    assert "photo" not in event.image.name
    event.status = Event.Status.PUBLISHED
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'src="{event.image.url}" alt="Members at the fringe stall"' in page
    ld = json.loads(re.search(r'ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["image"]["url"].endswith(event.image.url)
    assert ld["image"]["description"] == "Members at the fringe stall"


def test_an_image_without_a_description_is_refused(client, network_admin):
    client.force_login(network_admin)
    response = client.post(reverse("events:submit"), _form(image=_image()))
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it." in response.content.decode()
    assert not Event.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, network_admin):
    client.force_login(network_admin)
    fake = SimpleUploadedFile("poster.png", b"%PDF-1.7 not a picture", content_type="image/png")
    response = client.post(reverse("events:submit"), _form(image=fake, image_alt="A poster"))
    assert response.status_code == 200
    assert "The image must be a JPEG, PNG or WebP picture." in response.content.decode()
    assert not Event.objects.exists()
