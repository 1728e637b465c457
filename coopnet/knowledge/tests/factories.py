"""Factories and helpers for knowledge hub tests."""

from __future__ import annotations

import io
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.models import Principle
from coopnet.knowledge.models import CaseStudy, NewsPost, Publication, Theme
from coopnet.members.tests.factories import OrganisationFactory


def principle(slug: str = "co-production") -> Principle:
    return Principle.objects.get(slug=slug)


def theme(slug: str = "net-zero") -> Theme:
    return Theme.objects.get(slug=slug)


class CaseStudyFactory(factory.django.DjangoModelFactory[CaseStudy]):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Community energy scheme {n}")
    slug = factory.Sequence(lambda n: f"community-energy-scheme-{n}")
    summary = "Residents own the solar panels on the civic centre roof."
    body_html = '<p class="govuk-body">A community benefit society raised the money locally.</p>'
    body_text = "A community benefit society raised the money locally."
    lead_organisation = factory.SubFactory(OrganisationFactory)
    year = 2023
    status = CaseStudy.Status.COMPLETED
    state = CaseStudy.State.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def principles(obj: CaseStudy, create: bool, extracted: list[Any] | None, **kw: Any) -> None:
        if create:
            obj.principles.set(extracted if extracted is not None else [principle()])

    @factory.post_generation
    def themes(obj: CaseStudy, create: bool, extracted: list[Any] | None, **kw: Any) -> None:
        if create and extracted:
            obj.themes.set(extracted)


class PublicationFactory(factory.django.DjangoModelFactory[Publication]):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Policy Lab report {n}")
    slug = factory.Sequence(lambda n: f"policy-lab-report-{n}")
    kind = Publication.Kind.POLICY_LAB_REPORT
    summary = "What the councils learned together."
    published_on = factory.LazyFunction(timezone.localdate)


class NewsPostFactory(factory.django.DjangoModelFactory[NewsPost]):
    class Meta:
        model = NewsPost

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    summary = "Something happened in the network."
    body_html = '<p class="govuk-body">The full story.</p>'
    body_text = "The full story."
    published_at = factory.LazyFunction(timezone.now)


def pdf_bytes(text: str = "hello") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def pdf_upload(name: str = "report.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content or pdf_bytes(), content_type="application/pdf")


def png_upload(name: str = "photo.png") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (29, 92, 77)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# Set-up that is not the behaviour under test writes as the system, never as `by=None`.
SYSTEM = System("tests")
