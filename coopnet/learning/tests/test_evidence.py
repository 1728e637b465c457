"""Evidence files on a self-assessment: checked by content, stored under a name nobody chose or
can guess, and downloaded only by those who may see the assessment."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.core.tests.test_uploads import docx_bytes
from coopnet.learning import services
from coopnet.learning.errors import LearningError
from coopnet.learning.models import EvidenceFile, PeerReview, Reviewer

from .factories import SelfAssessmentFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def draft(current_framework, org_a):
    return SelfAssessmentFactory(organisation=org_a)


@pytest.fixture
def evidence(draft, officer_a):
    return services.evidence_attach(
        assessment=draft,
        title="Charter signed by the cabinet",
        upload=SimpleUploadedFile("../../etc/passwd.exe", PNG),
        by=officer_a,
    )


def test_the_stored_name_is_random_with_the_extension_of_the_content(evidence):
    name = evidence.file.name
    assert name.startswith("private/learning/evidence/")
    assert name.endswith(".png")
    assert "passwd" not in name
    assert ".exe" not in name
    assert evidence.kind == "png"


def test_a_file_that_is_not_what_it_claims_is_refused(draft, officer_a):
    with pytest.raises(LearningError, match="must be one of"):
        services.evidence_attach(
            assessment=draft,
            title="x",
            upload=SimpleUploadedFile("evidence.pdf", b"<script>alert(1)</script>"),
            by=officer_a,
        )
    assert not EvidenceFile.objects.exists()


def test_a_file_over_the_limit_is_refused(draft, officer_a, settings):
    settings.COOPNET_LEARNING_MAX_EVIDENCE_BYTES = 1024 * 1024
    with pytest.raises(LearningError, match="smaller than 1 MB"):
        services.evidence_attach(
            assessment=draft,
            title="x",
            upload=SimpleUploadedFile("e.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1)),
            by=officer_a,
        )


def test_another_council_cannot_attach_evidence(draft, officer_b):
    with pytest.raises(Refused):
        services.evidence_attach(
            assessment=draft,
            title="x",
            upload=SimpleUploadedFile("e.png", PNG),
            by=officer_b,
        )


def test_a_colleague_uploads_a_word_document_through_the_page(
    client, draft, colleague_a, officer_a
):
    services.assessment_invite(assessment=draft, person=colleague_a.person, by=officer_a)
    client.force_login(colleague_a)
    url = reverse("learning:assessment_evidence", args=[draft.pk])
    page = client.post(
        url, {"title": "Procurement policy", "file": SimpleUploadedFile("p.docx", docx_bytes())}
    )
    assert page.status_code == 302
    shown = client.get(reverse("learning:assessment", args=[draft.pk]))
    assert b"Procurement policy" in shown.content
    refused = client.post(
        url, {"title": "Fake", "file": SimpleUploadedFile("p.docx", b"MZ not a document")}
    )
    assert refused.status_code == 200
    assert b"must be one of" in refused.content


@pytest.fixture
def roles(
    draft, evidence, officer_a, colleague_a, reviewer_c, officer_b, board_member, network_admin
):
    services.assessment_invite(assessment=draft, person=colleague_a.person, by=officer_a)
    review = PeerReview.objects.create(
        organisation=draft.organisation, assessment=draft, set_up_on=timezone.localdate()
    )
    Reviewer.objects.create(
        review=review,
        person=reviewer_c.person,
        organisation=reviewer_c.person.roles.first().organisation,
        assigned_on=timezone.localdate(),
    )
    return {
        "manager": (officer_a, 200),
        "contributor": (colleague_a, 200),
        "reviewer": (reviewer_c, 200),
        "network admin": (network_admin, 200),
        "another council": (officer_b, 403),
        "board member": (board_member, 403),
    }


@pytest.mark.parametrize(
    "role",
    ["manager", "contributor", "reviewer", "network admin", "another council", "board member"],
)
def test_the_download_applies_the_assessment_permission(client, roles, evidence, role):
    user, expected = roles[role]
    client.force_login(user)
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == PNG
        assert response["Content-Type"] == "image/png"
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]


def test_a_visitor_is_sent_to_sign_in_and_media_does_not_serve_it(client, evidence):
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get("/media/" + evidence.file.name).status_code in (302, 404)


def test_a_file_of_another_assessment_is_not_found_through_this_one(
    client, evidence, officer_a, current_framework, org_a
):
    other = SelfAssessmentFactory(organisation=org_a, status="submitted")
    client.force_login(officer_a)
    url = reverse("learning:evidence_file", args=[other.pk, evidence.pk])
    assert client.get(url).status_code == 404
