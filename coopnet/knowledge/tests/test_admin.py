"""The back office: publication files are checked; news text is made safe through the service."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coopnet.core.guard import Refused
from coopnet.knowledge import services
from coopnet.knowledge.errors import KnowledgeError
from coopnet.knowledge.models import NewsPost, Publication
from coopnet.knowledge.tests.factories import pdf_upload, png_upload

pytestmark = pytest.mark.django_db


def publication_form(**extra):
    return {
        "slug": "toolkit",
        "title": "Toolkit",
        "kind": "toolkit",
        "summary": "",
        "is_public": "on",
        "external_url": "",
        "cover_alt": "",
        **extra,
    }


def test_staff_upload_a_pdf_and_a_fake_one_is_refused(client, network_admin):
    client.force_login(network_admin)
    url = reverse("admin:knowledge_publication_add")
    fake = SimpleUploadedFile("toolkit.pdf", b"<html></html>", content_type="application/pdf")
    response = client.post(url, publication_form(file=fake))
    assert "The file must be a PDF." in response.content.decode()
    response = client.post(url, publication_form(file=pdf_upload(), cover=png_upload()))
    assert "Describe the cover image" in response.content.decode()
    response = client.post(url, publication_form(file=pdf_upload()))
    assert response.status_code == 302
    assert Publication.objects.get().file.read().startswith(b"%PDF")


def test_news_text_is_sanitised_and_only_staff_publish(network_admin, officer_a):
    post = NewsPost(
        slug="agm", title="AGM", summary="Held online.", body_html="<p onclick=x>Hi</p>"
    )
    services.news_post_save(post=post, by=network_admin)
    post.refresh_from_db()
    assert post.body_html == '<p class="govuk-body">Hi</p>'
    assert post.body_text == "Hi"
    with pytest.raises(Refused, match="Only the network's staff"):
        services.news_post_save(post=post, by=officer_a)
    post.body_html = '<img src="a.png">'
    with pytest.raises(KnowledgeError, match="alt text"):
        services.news_post_save(post=post, by=network_admin)
