"""The Case Studies Pack: chosen or filtered case studies -> a PDF built in the background, with
progress, downloadable, and published as a publication when staff choose."""

from __future__ import annotations

import io
import logging

import pytest
from django.urls import reverse
from pypdf import PdfReader

from coopnet.core.guard import Refused
from coopnet.knowledge import services
from coopnet.knowledge.errors import KnowledgeError
from coopnet.knowledge.models import CaseStudiesPack, CaseStudy, Publication
from coopnet.knowledge.tests.factories import CaseStudyFactory, png_upload, principle, theme

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def library(org_a, org_b):
    first = CaseStudyFactory(
        lead_organisation=org_a,
        title="Alpha community energy",
        principles=[principle("co-production"), principle("learning")],
        themes=[theme("net-zero")],
        body_html="<p>" + "Residents raised the money together. " * 400 + "</p>",
    )
    first.participants.add(org_b)
    first.images.create(image=png_upload(), alt_text="Solar panels")
    second = CaseStudyFactory(lead_organisation=org_b, title="Beta food hub", year=2019)
    return first, second


def test_a_pack_is_built_with_cover_contents_and_a_section_per_case_study(
    network_admin, library, django_capture_on_commit_callbacks, caplog
):
    first, second = library
    with (
        caplog.at_level(logging.WARNING, logger="weasyprint"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        pack = services.pack_request(
            by=network_admin, title="Case Studies Pack 2024", case_studies=[first, second]
        )
    pack.refresh_from_db()
    assert pack.state == CaseStudiesPack.State.READY
    assert pack.done == pack.total == 2
    data = pack.file.read()
    pages = pdf_text(data)
    catalogue = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert bool(catalogue["/MarkInfo"]["/Marked"]) is True  # tagged, for screen readers
    assert "/StructTreeRoot" in catalogue
    assert "Case Studies Pack 2024" in pages[0]
    assert "2 case studies" in pages[0]
    contents = pages[1]
    assert "Contents" in contents
    assert "Alpha community energy" in contents
    assert "Beta food hub" in contents
    # Alpha (long) starts on page 3 and runs over several pages; Beta starts after it, and the
    # contents give the page each one starts on.
    beta_page = next(i for i, text in enumerate(pages, start=1) if text.startswith("Beta food hub"))
    assert beta_page > 4
    assert f"Beta food hub \n{org_name(second)}, 2019\n{beta_page}" in contents
    assert pages[2].startswith("Alpha community energy")
    assert "Co-production" in pages[2]
    assert "Learning" in pages[2]
    assert not [r for r in caplog.records if "Failed to load" in r.getMessage()]  # icons, image


def org_name(case_study: CaseStudy) -> str:
    return case_study.lead_organisation.name


def test_progress_is_saved_as_each_case_study_is_laid_out(network_admin, library, monkeypatch):
    seen = []
    from coopnet.knowledge import pdf

    real = pdf._document

    def spy(template, context, cache):
        pack = CaseStudiesPack.objects.get()
        seen.append((pack.state, pack.done))
        return real(template, context, cache)

    monkeypatch.setattr(pdf, "_document", spy)
    pack = services.pack_request(by=network_admin, title="Pack", case_studies=list(library))
    services.pack_build(pack_id=pack.pk)
    assert seen == [("building", 0), ("building", 1), ("building", 2)]


def test_a_pack_that_fails_says_so(network_admin, library, monkeypatch):
    from coopnet.knowledge import pdf

    def broken(*args, **kwargs):
        raise RuntimeError("Out of paper")

    monkeypatch.setattr(pdf, "render_pack", broken)
    pack = services.pack_request(by=network_admin, title="Pack", case_studies=list(library))
    pack = services.pack_build(pack_id=pack.pk)
    assert pack.state == CaseStudiesPack.State.FAILED
    assert "Out of paper" in pack.error


def test_a_pack_is_built_once(network_admin, library):
    pack = services.pack_request(by=network_admin, title="Pack", case_studies=list(library))
    services.pack_build(pack_id=pack.pk)
    finished = CaseStudiesPack.objects.get().finished_at
    services.pack_build(pack_id=pack.pk)  # a second worker picking it up does nothing
    assert CaseStudiesPack.objects.get().finished_at == finished


def test_refusals(network_admin, officer_a, library, org_a):
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    with pytest.raises(Refused, match="permission"):
        services.pack_request(by=officer_a, title="Pack", case_studies=list(library))
    with pytest.raises(KnowledgeError, match="at least one published"):
        services.pack_request(by=network_admin, title="Pack", case_studies=[draft])
    with pytest.raises(KnowledgeError, match="Give the pack a title"):
        services.pack_request(by=network_admin, title=" ", case_studies=list(library))
    pack = services.pack_request(by=network_admin, title="Pack", case_studies=list(library))
    with pytest.raises(KnowledgeError, match="Only a finished pack"):
        services.pack_publish(pack=pack, by=network_admin)


def test_a_pack_over_the_limit_is_refused(network_admin, library, settings):
    settings.COOPNET_KNOWLEDGE_MAX_PACK_CASE_STUDIES = 1
    with pytest.raises(KnowledgeError, match="at most 1 case studies"):
        services.pack_request(by=network_admin, title="Pack", case_studies=list(library))


def test_publishing_a_pack_makes_a_publication_once(network_admin, library, org_a, org_b):
    pack = services.pack_request(by=network_admin, title="Winter Pack", case_studies=list(library))
    services.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    publication = services.pack_publish(pack=pack, by=network_admin)
    assert publication.kind == Publication.Kind.CASE_STUDIES_PACK
    assert publication.slug == "winter-pack"
    assert publication.file.read().startswith(b"%PDF")
    assert set(publication.organisations.all()) == {org_a, org_b}
    assert set(publication.principles.values_list("slug", flat=True)) == {
        "co-production",
        "learning",
    }
    assert list(publication.themes.values_list("slug", flat=True)) == ["net-zero"]
    with pytest.raises(KnowledgeError, match="already been published"):
        services.pack_publish(pack=pack, by=network_admin)


def test_staff_choose_by_filter_watch_progress_download_and_publish(
    client, network_admin, library, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    url = reverse("knowledge:pack_new") + "?year=2019"
    page = client.get(url).content.decode()
    assert "1 published case study matches" in page
    response = client.post(url, {"title": "Pack", "case_studies": []})
    assert "Choose at least one case study" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"title": "Filtered pack", "use_filter": "on"})
    pack = CaseStudiesPack.objects.get()
    assert list(pack.case_studies.values_list("title", flat=True)) == ["Beta food hub"]
    status = client.get(response["Location"]).content.decode()
    assert "The pack is ready" in status
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="pack-status"')
    assert "<html" not in partial
    download = client.get(reverse("knowledge:pack_download", args=[pack.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="filtered-pack.pdf"')
    response = client.post(
        reverse("knowledge:pack_publish", args=[pack.pk]), {"published_on": "2024-07-31"}
    )
    publication = Publication.objects.get(slug="filtered-pack")
    assert response["Location"] == publication.get_absolute_url()
    assert str(publication.published_on) == "2024-07-31"


def test_progress_is_shown_while_building(client, network_admin, library):
    pack = services.pack_request(by=network_admin, title="Pack", case_studies=list(library))
    CaseStudiesPack.objects.filter(pk=pack.pk).update(state="building", done=1)
    client.force_login(network_admin)
    page = client.get(reverse("knowledge:pack", args=[pack.pk])).content.decode()
    assert "1 of 2 case studies laid out." in page
    assert 'hx-trigger="every 2s"' in page
    assert "Check progress again" in page
    assert client.get(reverse("knowledge:pack_download", args=[pack.pk])).status_code == 404
