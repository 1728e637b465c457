"""The PDF renderer reads only the project's static files and the storage's own media, by name,
up to a size limit (issue 12): a case study's image tag cannot put a server file into a PDF."""

from __future__ import annotations

import base64
import io
import logging
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader

from coopnet.core import pdf
from coopnet.core.pdf_files import ProjectFiles, Refused, base_url, read_limited
from coopnet.core.richtext import sanitise

SECRET_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
    '<text x="0" y="20">TOPSECRET</text></svg>'
)


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (29, 92, 77)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def image_count(data: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def public_media(content: bytes, name: str = "orchard.png") -> str:
    """The stored name of an image of a published case study: an upload the public may see."""
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    case_study = CaseStudyFactory.create()
    image = case_study.images.create(image=ContentFile(content, name), alt_text="x")
    return str(image.image.name)


def site(path: str) -> str:
    """`path` as WeasyPrint asks for it: read against the document's base URL."""
    return base_url() + path


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file on the server, outside static files and media."""
    path = tmp_path / "outside" / "secret.svg"
    path.parent.mkdir()
    path.write_text(SECRET_SVG)
    return path


# The sanitiser -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src",
    [
        "/etc/passwd",
        "file:///etc/passwd",
        "/dev/zero",
        "https://example.org/a.png",
        "//example.org/media/a.png",
        "/media/../config/settings/base.py",
        "/media/%2e%2e/config/settings/base.py",
        "/static/..%2f..%2fmanage.py",
        "media/a.png",
        " /etc/passwd",
    ],
)
def test_an_image_the_site_does_not_store_loses_its_source(src):
    text = sanitise(f'<p>Story</p><img src="{src}" alt="Our allotment">')
    assert "src=" not in text.html
    assert "passwd" not in text.html
    assert "example.org" not in text.html
    assert 'alt="Our allotment"' in text.html  # the reader still has the description


def test_images_the_site_stores_are_kept():
    text = sanitise(
        '<img src="/media/case-studies/images/2024/orchard.png" alt="An orchard">'
        '<img src="/static/knowledge/principles/learning.svg" alt="Learning">'
    )
    assert 'src="/media/case-studies/images/2024/orchard.png"' in text.html
    assert 'src="/static/knowledge/principles/learning.svg"' in text.html


def test_a_case_study_story_keeps_no_server_path(officer_a, org_a):
    from coopnet.knowledge import services
    from coopnet.knowledge.models import CaseStudy
    from coopnet.knowledge.services.case_studies import CaseStudyDetails
    from coopnet.knowledge.tests.factories import principle, theme

    details = CaseStudyDetails(
        title="Oldham community energy",
        summary="Residents own solar panels.",
        body='<p>Us</p><img src="/etc/passwd" alt="A"><img src="file:///etc/passwd" alt="B">',
        lead_organisation=org_a,
        year=2023,
        status=CaseStudy.Status.ONGOING,
        principles=[principle()],
        themes=[theme()],
    )
    case_study = services.case_study_create(by=officer_a, details=details)
    assert "passwd" not in case_study.body_html
    assert 'alt="A"' in case_study.body_html
    assert 'alt="B"' in case_study.body_html


# The fetcher ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://example.org/logo.png",
        "https://example.org/logo.png",
        "ftp://example.org/logo.png",
        "/etc/passwd",
        site("etc/passwd"),
        site("dev/zero"),
        site("media/../config/settings/base.py"),
        site("media/%2e%2e/config/settings/base.py"),
        site("media/..%2f..%2fmanage.py"),
        site("static/../manage.py"),
        site("static/%2e%2e/%2e%2e/manage.py"),
        site("media/"),
        site("media//etc/passwd"),
        site("media/nothing-here.png"),
        site("static/nothing-here.svg"),
        site("static/knowledge/principles"),  # a folder
    ],
)
def test_the_fetcher_refuses_everything_but_the_projects_files(url):
    with pytest.raises(Refused):
        ProjectFiles().fetch(url)


def test_a_server_file_is_refused_by_its_own_url_too(secret):
    with pytest.raises(Refused):
        ProjectFiles().fetch(secret.as_uri())
    with pytest.raises(Refused):
        ProjectFiles().fetch(site(str(secret).lstrip("/")))


def test_the_fetcher_serves_a_static_file_by_name():
    from django.contrib.staticfiles import finders

    response = ProjectFiles().fetch(site("static/knowledge/principles/learning.svg"))
    found = finders.find("knowledge/principles/learning.svg")
    assert isinstance(found, str)
    assert response.read() == Path(found).read_bytes()
    assert response.content_type == "image/svg+xml"


def test_the_fetcher_serves_a_media_file_by_name(db):
    name = public_media(png_bytes())
    response = ProjectFiles().fetch(site(f"media/{name}"))
    assert response.read() == png_bytes()
    assert response.content_type == "image/png"


def test_the_fetcher_serves_data_uris():
    uri = "data:image/svg+xml;base64," + base64.b64encode(SECRET_SVG.encode()).decode()
    assert ProjectFiles().fetch(uri).read() == SECRET_SVG.encode()


def test_a_file_over_the_limit_is_refused(db, settings):
    big = public_media(b"x" * 101, "big.png")
    small = public_media(b"x" * 100, "small.png")
    settings.COOPNET_PDF_MAX_RESOURCE_BYTES = 100
    assert ProjectFiles().fetch(site(f"media/{small}")).read() == b"x" * 100
    with pytest.raises(Refused, match="larger than 100 bytes"):
        ProjectFiles().fetch(site(f"media/{big}"))
    with pytest.raises(Refused, match="larger than 10 bytes"):
        ProjectFiles(limit=10).fetch(site("static/knowledge/principles/learning.svg"))


def test_an_endless_file_is_refused_after_the_limit_not_read_whole():
    class Zeros(io.RawIOBase):
        asked = 0

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "read without a limit"
            Zeros.asked += n
            return b"\0" * n

    with pytest.raises(Refused):
        read_limited(Zeros(), None, 1000, "zero")
    assert Zeros.asked == 1001


def test_a_media_link_to_dev_zero_is_refused(db):
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    os.makedirs(settings.MEDIA_ROOT, exist_ok=True)
    os.symlink("/dev/zero", Path(settings.MEDIA_ROOT) / "zero.png")
    # held by a public record, so only the link itself can refuse it
    CaseStudyFactory.create().images.create(image="zero.png", alt_text="x")
    with pytest.raises(Refused):
        ProjectFiles().fetch(site("media/zero.png"))


def test_a_private_upload_is_left_out_even_by_its_exact_name(db):
    from coopnet.knowledge.models import CaseStudy
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    draft = CaseStudyFactory(state=CaseStudy.State.DRAFT)
    name = draft.images.create(image=ContentFile(png_bytes(), "a.png"), alt_text="x").image.name
    with pytest.raises(Refused, match="Not a public media file"):
        ProjectFiles().fetch(site(f"media/{name}"))
    loose = default_storage.save("funding/bids/1/budget.pdf", ContentFile(b"%PDF-1.4"))
    with pytest.raises(Refused, match="Not a public media file"):
        ProjectFiles().fetch(site(f"media/{loose}"))


# Laying out ----------------------------------------------------------------------------------


def test_a_pdf_with_a_forbidden_image_is_made_without_it(db, monkeypatch, secret, caplog):
    name = public_media(png_bytes())
    html = (
        "<h1>Our story</h1>"
        f'<img src="{secret.as_uri()}" alt="one">'
        f'<img src="{secret}" alt="two">'
        '<img src="/dev/zero" alt="three">'
        f'<img src="/media/{name}" alt="An orchard">'
    )
    monkeypatch.setattr(pdf, "render_to_string", lambda template, context: html)
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        data = pdf.render_pdf("any.html", {})
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Our story" in text
    assert "TOPSECRET" not in text
    assert image_count(data) == 1  # the orchard, from media storage
    refused = [r.getMessage() for r in caplog.records if "Failed to load" in r.getMessage()]
    assert len(refused) == 3


def test_the_case_studies_pack_leaves_out_a_server_file_in_a_story(db, secret, caplog):
    from coopnet.knowledge.models import CaseStudiesPack
    from coopnet.knowledge.pdf import render_pack
    from coopnet.knowledge.tests.factories import CaseStudyFactory, png_upload, principle

    # Stored before the sanitiser kept only the site's images (or written around it).
    case_study = CaseStudyFactory(
        title="Alpha community energy",
        principles=[principle("learning")],
        body_html=f'<p>Told by residents.</p><img src="{secret}" alt="x">'
        f'<img src="{secret.as_uri()}" alt="y">',
    )
    case_study.images.create(image=png_upload(), alt_text="Solar panels")
    pack = CaseStudiesPack(title="Pack")
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        data = render_pack(pack, [case_study])
    text = pdf_text(data)
    assert "Told by residents." in text
    assert "TOPSECRET" not in text
    assert image_count(data) >= 1  # the uploaded photo
    failed = [r.getMessage() for r in caplog.records if "Failed to load" in r.getMessage()]
    assert len(failed) == 2  # the two server files; the icon and the photo loaded
