"""Every uploaded file is reached only through the record that owns it (`coopnet.core.files`).

The matrix below saves a real file in every file field of every app and asks for it at its
address (`MEDIA_URL` + the stored name) as each role: public once published, private otherwise,
and nothing at all for a name that no record holds.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client, override_settings
from PIL import Image

from coopnet.core.files import file_rules
from coopnet.core.tests.matrix import DENY, LOGIN, NOT_FOUND, OK, ROLES, admins_only, everyone
from coopnet.core.tests.test_permission_matrix import clients, outcome_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a test paper\n%%EOF\n"


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buf, "PNG")
    return buf.getvalue()


def test_every_file_field_of_every_app_has_a_rule():
    fields = {
        (model._meta.label_lower, field.name)
        for model in apps.get_models()
        if model.__module__.startswith("coopnet.") and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    ruled = {(rule.model.lower(), rule.field) for rule in file_rules()}
    assert fields - ruled == set(), "give these file fields a rule (coopnet.core.files)"
    assert ruled - fields == set()


def _saved(instance: models.Model, field: str, name: str, content: bytes) -> str:
    getattr(instance, field).save(name, ContentFile(content))
    return "/media/" + str(getattr(instance, field).name)


# --- one record per file field, as each is found in use ----------------------------------------


def _document_version(ctx: dict[str, Any]) -> str:
    from coopnet.governance.models import DocumentVersion, GovernanceDocument

    doc = GovernanceDocument.objects.create(slug="rules", title="Rules", kind="constitution")
    version = DocumentVersion.objects.create(
        document=doc, label="2012", adopted_on=date(2012, 1, 1)
    )
    return _saved(version, "file", "rules.pdf", PDF)


def _paper(ctx: dict[str, Any], *, published: bool = False, confidential: bool = False) -> str:
    from coopnet.governance.models import Minutes, Paper
    from coopnet.governance.tests.factories import AgendaItemFactory

    item = AgendaItemFactory.create()
    Minutes.objects.update_or_create(
        meeting=item.meeting,
        defaults={"status": Minutes.Status.PUBLISHED if published else Minutes.Status.DRAFT},
    )
    paper = Paper.objects.create(agenda_item=item, title="Budget", confidential=confidential)
    return _saved(paper, "file", "budget.pdf", PDF)


def _photo(ctx: dict[str, Any], *, public: bool) -> str:
    from coopnet.governance.models import MemberProfile
    from coopnet.members.tests.factories import PersonFactory

    person = PersonFactory.create(is_public=public)
    profile = MemberProfile.objects.create(person=person, photo_alt="A person")
    return _saved(profile, "photo", "face.png", png())


def _user_guide(ctx: dict[str, Any]) -> str:
    from coopnet.procurement.tests.factories import ArrangementFactory

    return _saved(ArrangementFactory.create(), "user_guide", "guide.pdf", PDF)


def _event_image(ctx: dict[str, Any], *, published: bool) -> str:
    from coopnet.events.models import Event
    from coopnet.events.tests.factories import EventFactory

    status = Event.Status.PUBLISHED if published else Event.Status.DRAFT
    return _saved(EventFactory.create(status=status), "image", "stall.png", png())


def _case_study(published: bool) -> Any:
    from coopnet.knowledge.models import CaseStudy
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    state = CaseStudy.State.PUBLISHED if published else CaseStudy.State.DRAFT
    return CaseStudyFactory.create(state=state)


def _case_study_image(ctx: dict[str, Any], *, published: bool) -> str:
    from coopnet.knowledge.models import CaseStudyImage

    image = CaseStudyImage(case_study=_case_study(published), alt_text="A hub")
    return _saved(image, "image", "hub.png", png())


def _case_study_attachment(ctx: dict[str, Any], *, published: bool) -> str:
    from coopnet.knowledge.models import CaseStudyAttachment

    attachment = CaseStudyAttachment(case_study=_case_study(published), title="Plan")
    return _saved(attachment, "file", "plan.pdf", PDF)


def _publication(ctx: dict[str, Any], *, field: str, public: bool) -> str:
    from coopnet.knowledge.tests.factories import PublicationFactory

    publication = PublicationFactory.create(is_public=public)
    content, name = (PDF, "report.pdf") if field == "file" else (png(), "cover.png")
    return _saved(publication, field, name, content)


def _pack(ctx: dict[str, Any]) -> str:
    from coopnet.knowledge.models import CaseStudiesPack

    pack = CaseStudiesPack.objects.create(title="Pack", total=1, state="ready")
    return _saved(pack, "file", "pack.pdf", PDF)


def _bid_document(ctx: dict[str, Any]) -> str:
    from coopnet.funding.models import BidDocument
    from coopnet.funding.tests.factories import BidFactory

    document = BidDocument(bid=BidFactory.create(lead=ctx["org_a"]), title="Budget")
    return _saved(document, "file", "budget.pdf", PDF)


def _report(ctx: dict[str, Any], *, published: bool) -> str:
    from coopnet.reports.tests.factories import ready_report

    return "/media/" + str(ready_report(published=published).file.name)


def _certificate(ctx: dict[str, Any]) -> str:
    from coopnet.learning.tests.factories import EnrolmentFactory

    return _saved(EnrolmentFactory.create(), "certificate", "done.pdf", PDF)


def _evidence(ctx: dict[str, Any]) -> str:
    from coopnet.learning.models import EvidenceFile
    from coopnet.learning.tests.factories import SelfAssessmentFactory

    assessment = SelfAssessmentFactory.create(organisation=ctx["org_a"])
    evidence = EvidenceFile(assessment=assessment, title="Minutes", kind="pdf", size=len(PDF))
    return _saved(evidence, "file", "minutes.pdf", PDF)


PRIVATE = admins_only()
OFFICER_A_AND_STAFF = {**admins_only(), "officer_a": OK}

CASES: dict[str, tuple[Callable[[dict[str, Any]], str], dict[str, object]]] = {
    "adopted document": (_document_version, everyone(OK)),
    "paper, minutes in draft": (_paper, {**PRIVATE}),
    "paper, minutes published": (lambda c: _paper(c, published=True), everyone(OK)),
    "confidential paper, minutes published": (
        lambda c: _paper(c, published=True, confidential=True),
        PRIVATE,
    ),
    "photo of a named member": (lambda c: _photo(c, public=True), everyone(OK)),
    "photo of a member not named": (lambda c: _photo(c, public=False), PRIVATE),
    "framework user guide": (_user_guide, everyone(OK)),
    "published event's image": (lambda c: _event_image(c, published=True), everyone(OK)),
    "draft event's image": (lambda c: _event_image(c, published=False), PRIVATE),
    "published case study's image": (
        lambda c: _case_study_image(c, published=True),
        everyone(OK),
    ),
    "draft case study's image": (lambda c: _case_study_image(c, published=False), PRIVATE),
    "published case study's file": (
        lambda c: _case_study_attachment(c, published=True),
        everyone(OK),
    ),
    "draft case study's file": (lambda c: _case_study_attachment(c, published=False), PRIVATE),
    "public publication": (lambda c: _publication(c, field="file", public=True), everyone(OK)),
    "hidden publication": (lambda c: _publication(c, field="file", public=False), PRIVATE),
    "public publication's cover": (
        lambda c: _publication(c, field="cover", public=True),
        everyone(OK),
    ),
    "hidden publication's cover": (
        lambda c: _publication(c, field="cover", public=False),
        PRIVATE,
    ),
    "case studies pack": (_pack, PRIVATE),
    # The boards review bids: their members see a bid's documents.
    "bid document": (_bid_document, {**OFFICER_A_AND_STAFF, "board_member": OK}),
    "report not published": (lambda c: _report(c, published=False), PRIVATE),
    "published report": (lambda c: _report(c, published=True), everyone(OK)),
    "training certificate": (_certificate, PRIVATE),
    "self-assessment evidence": (_evidence, OFFICER_A_AND_STAFF),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_file_is_served_under_its_records_rule(case, role_users, matrix_context):
    make, expected = CASES[case]
    url = make(matrix_context)
    by_role = clients(role_users)
    got = {role: outcome_of(by_role[role].get(url)) for role in ROLES}
    assert got == expected


def test_a_file_no_record_holds_is_not_served_by_guessing_its_name(settings, network_admin):
    stray = settings.MEDIA_ROOT / "funding" / "bids" / "1" / "guess.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(PDF)
    staff = Client()
    staff.force_login(network_admin)
    for url in (
        "/media/funding/bids/1/guess.pdf",
        "/media/../config/settings/base.py",
        "/media/%2e%2e/config/settings/base.py",
        "/media//etc/passwd",
    ):
        assert outcome_of(staff.get(url)) == NOT_FOUND, url


def test_a_file_is_sent_as_its_content_says_never_as_its_name_says(matrix_context):
    from coopnet.knowledge.models import CaseStudyAttachment

    attachment = CaseStudyAttachment(case_study=_case_study(True), title="Plan")
    page = _saved(attachment, "file", "plan.html", b"<html><script>alert(1)</script></html>")
    image = _case_study_image(matrix_context, published=True)
    pdf_named_html = _saved(
        CaseStudyAttachment(case_study=_case_study(True), title="Minutes"),
        "file",
        "minutes.html",
        PDF,
    )
    client = Client()

    html = client.get(page)
    assert html["Content-Type"] == "application/octet-stream"
    assert html["Content-Disposition"].startswith("attachment;")
    assert html["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in html["Content-Security-Policy"]

    pdf = client.get(pdf_named_html)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("inline;")
    assert pdf["Content-Disposition"].endswith(".pdf")
    assert b"".join(pdf.streaming_content) == PDF

    picture = client.get(image)
    assert picture["Content-Type"] == "image/png"
    assert picture["Cache-Control"].startswith("public")


def test_private_files_are_not_kept_by_shared_caches(matrix_context, network_admin):
    staff = Client()
    staff.force_login(network_admin)
    response = staff.get(_pack(matrix_context))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@override_settings(FILES_X_ACCEL_REDIRECT="/protected-media/")
def test_the_web_server_sends_the_bytes_after_the_check_when_configured(matrix_context):
    url = _publication(matrix_context, field="file", public=True)
    response = Client().get(url)
    assert response["X-Accel-Redirect"] == "/protected-media/" + url.removeprefix("/media/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content == b""
    hidden = _publication(matrix_context, field="file", public=False)
    assert outcome_of(Client().get(hidden)) == LOGIN


def test_a_refused_signed_in_person_gets_a_403_page_not_an_error(matrix_context, supporter):
    client = Client()
    client.force_login(supporter)
    response = client.get(_pack(matrix_context))
    assert response.status_code == DENY
    assert b"permission" in response.content


def test_the_stored_name_takes_its_extension_from_the_content_never_the_upload(network_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coopnet.governance import services as governance
    from coopnet.governance.tests.factories import AgendaItemFactory
    from coopnet.members.tests.factories import PersonFactory

    paper = governance.paper_add(
        agenda_item=AgendaItemFactory.create(),
        title="Budget",
        upload=SimpleUploadedFile("budget.html", PDF, content_type="text/html"),
        by=network_admin,
    )
    assert paper.file.name.endswith(".pdf")
    assert "budget" not in paper.file.name  # nor is the uploader's name kept

    profile = governance.member_photo_save(
        person=PersonFactory.create(),
        upload=SimpleUploadedFile("img.html", png(), content_type="text/html"),
        alt="A member",
        by=network_admin,
    )
    assert profile.photo.name.endswith(".png")

    # Whatever saves a file (here the back office would) goes through the same rule.
    from coopnet.knowledge.tests.factories import PublicationFactory

    publication = PublicationFactory.create()
    publication.cover.save("cover.html", ContentFile(png()))
    assert publication.cover.name.endswith("cover.png")
    publication.file.save("notes.svg", ContentFile(b"<svg onload='alert(1)'/>"))
    assert publication.file.name.endswith("notes.bin")
