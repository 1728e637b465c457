"""Writing, submitting, reviewing and publishing case studies: every rule and every refusal."""

from __future__ import annotations

import pytest

from coopnet.core.guard import Refused
from coopnet.knowledge import services
from coopnet.knowledge.errors import KnowledgeError
from coopnet.knowledge.models import CaseStudy, CaseStudyDecision
from coopnet.knowledge.services.case_studies import CaseStudyDetails
from coopnet.knowledge.tests.factories import (
    CaseStudyFactory,
    pdf_upload,
    png_upload,
    principle,
    theme,
)

pytestmark = pytest.mark.django_db


def details(org, **extra):
    return CaseStudyDetails(
        **{
            "title": "Oldham community energy",
            "summary": "Residents own solar panels.",
            "body": "<h2>Why</h2><p>Bills were rising.</p>",
            "lead_organisation": org,
            "year": 2023,
            "status": CaseStudy.Status.ONGOING,
            "principles": [principle()],
            "themes": [theme()],
            **extra,
        }
    )


@pytest.fixture
def draft(officer_a, org_a):
    return services.case_study_create(by=officer_a, details=details(org_a))


def test_an_officer_writes_a_draft_for_their_organisation(draft, officer_a, org_a):
    assert draft.state == CaseStudy.State.DRAFT
    assert draft.slug == "oldham-community-energy"
    assert draft.body_text == "Why\nBills were rising."
    assert draft.created_by == officer_a
    assert list(draft.principles.all()) == [principle()]
    assert draft.history.count() == 1


def test_an_officer_cannot_write_for_another_organisation(officer_a, org_b):
    with pytest.raises(Refused, match="whose profile you manage"):
        services.case_study_create(by=officer_a, details=details(org_b))
    assert not CaseStudy.objects.exists()


def test_someone_who_manages_no_organisation_cannot_write(supporter, org_a):
    with pytest.raises(Refused, match="permission"):
        services.case_study_create(by=supporter, details=details(org_a))


def test_an_image_without_alt_text_in_the_story_is_refused(officer_a, org_a):
    with pytest.raises(KnowledgeError, match="alt text"):
        services.case_study_create(by=officer_a, details=details(org_a, body='<img src="x.png">'))


def test_a_named_contact_needs_recorded_consent(officer_a, org_a, draft):
    with pytest.raises(KnowledgeError, match="agrees to be named"):
        services.case_study_create(by=officer_a, details=details(org_a, contact_name="Jo Bloggs"))
    updated = services.case_study_update(
        case_study=draft,
        by=officer_a,
        details=CaseStudyDetails(contact_name="Jo Bloggs", contact_consent=True),
    )
    assert updated.contact_consent
    assert updated.contact_consent_by == officer_a
    assert updated.contact_consent_at is not None


def test_a_draft_follows_its_title_but_a_published_address_stays(draft, officer_a, network_admin):
    draft = services.case_study_update(
        case_study=draft, by=officer_a, details=CaseStudyDetails(title="Solar")
    )
    assert draft.slug == "solar"
    services.case_study_submit(case_study=draft, by=officer_a)
    services.case_study_publish(case_study=draft, by=network_admin)
    draft = services.case_study_update(
        case_study=draft, by=network_admin, details=CaseStudyDetails(title="Solar roofs")
    )
    assert draft.slug == "solar"
    draft = services.case_study_update(
        case_study=draft, by=network_admin, details=CaseStudyDetails(slug="solar-roofs-oldham")
    )
    assert draft.slug == "solar-roofs-oldham"
    assert set(draft.old_slugs.values_list("slug", flat=True)) >= {"solar"}


def test_an_address_in_use_cannot_be_taken(draft, network_admin, org_b):
    other = CaseStudyFactory(lead_organisation=org_b, slug="taken")
    with pytest.raises(KnowledgeError, match="already uses"):
        services.case_study_update(
            case_study=draft, by=network_admin, details=CaseStudyDetails(slug=other.slug)
        )


def test_submit_needs_the_story_and_a_principle(officer_a, org_a):
    empty = services.case_study_create(by=officer_a, details=details(org_a, body="", principles=[]))
    with pytest.raises(KnowledgeError, match="the story and at least one principle"):
        services.case_study_submit(case_study=empty, by=officer_a)
    empty.refresh_from_db()
    assert empty.state == CaseStudy.State.DRAFT


def test_an_officer_of_another_member_cannot_submit(draft, officer_b):
    with pytest.raises(Refused, match="permission"):
        services.case_study_submit(case_study=draft, by=officer_b)


def test_the_review_path_keeps_every_step(draft, officer_a, network_admin):
    services.case_study_submit(case_study=draft, by=officer_a)
    services.case_study_return(case_study=draft, by=network_admin, comment="Add a result.")
    draft.refresh_from_db()
    assert draft.state == CaseStudy.State.RETURNED
    assert draft.moderation_comment == "Add a result."
    services.case_study_update(
        case_study=draft, by=officer_a, details=CaseStudyDetails(summary="Better.")
    )
    services.case_study_submit(case_study=draft, by=officer_a)
    services.case_study_publish(case_study=draft, by=network_admin)
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None
    steps = list(draft.decisions.order_by("at", "pk").values_list("step", flat=True))
    assert steps == ["submitted", "returned", "submitted", "published"]
    assert draft.decisions.get(step="returned").by == network_admin
    assert draft.history.filter(state="returned").exists()


def test_officers_cannot_publish_or_return(draft, officer_a):
    services.case_study_submit(case_study=draft, by=officer_a)
    with pytest.raises(Refused, match="permission"):
        services.case_study_publish(case_study=draft, by=officer_a)
    with pytest.raises(Refused, match="permission"):
        services.case_study_return(case_study=draft, by=officer_a, comment="x")


def test_only_a_submitted_case_study_is_published_or_returned(draft, network_admin):
    with pytest.raises(KnowledgeError, match="Only a submitted case study can be published"):
        services.case_study_publish(case_study=draft, by=network_admin)
    with pytest.raises(KnowledgeError, match="Only a submitted case study can be returned"):
        services.case_study_return(case_study=draft, by=network_admin, comment="x")


def test_returning_needs_comments(draft, officer_a, network_admin):
    services.case_study_submit(case_study=draft, by=officer_a)
    with pytest.raises(KnowledgeError, match="Say what needs to change"):
        services.case_study_return(case_study=draft, by=network_admin, comment="  ")


def test_a_submitted_case_study_is_locked_for_its_officers(draft, officer_a):
    services.case_study_submit(case_study=draft, by=officer_a)
    with pytest.raises(Refused, match="permission"):
        services.case_study_update(
            case_study=draft, by=officer_a, details=CaseStudyDetails(title="Changed")
        )
    with pytest.raises(KnowledgeError, match="Only a draft or a returned"):
        services.case_study_submit(case_study=draft, by=officer_a)


def test_unpublishing_returns_it_with_a_reason(draft, officer_a, network_admin):
    services.case_study_submit(case_study=draft, by=officer_a)
    services.case_study_publish(case_study=draft, by=network_admin)
    with pytest.raises(KnowledgeError, match="Say why"):
        services.case_study_unpublish(case_study=draft, by=network_admin, comment="")
    services.case_study_unpublish(case_study=draft, by=network_admin, comment="Out of date.")
    draft.refresh_from_db()
    assert draft.state == CaseStudy.State.RETURNED
    assert draft.decisions.filter(step=CaseStudyDecision.Step.UNPUBLISHED).exists()
    with pytest.raises(KnowledgeError, match="Only a published"):
        services.case_study_unpublish(case_study=draft, by=network_admin, comment="Again.")


def test_images_files_and_links(draft, officer_a, officer_b):
    image = services.case_study_add_image(
        case_study=draft, by=officer_a, image=png_upload(), alt_text="Solar panels on a roof"
    )
    with pytest.raises(KnowledgeError, match="Describe the image"):
        services.case_study_add_image(
            case_study=draft, by=officer_a, image=png_upload(), alt_text=" "
        )
    attachment = services.case_study_add_attachment(
        case_study=draft, by=officer_a, file=pdf_upload(), title="Business plan"
    )
    assert attachment.size > 0
    services.case_study_add_link(
        case_study=draft, by=officer_a, title="Share offer", url="https://example.org/"
    )
    with pytest.raises(Refused, match="permission"):
        services.case_study_add_link(
            case_study=draft, by=officer_b, title="x", url="https://example.org/"
        )
    services.case_study_remove_media(case_study=draft, by=officer_a, kind="image", pk=image.pk)
    assert not draft.images.exists()
    with pytest.raises(KnowledgeError, match="already been removed"):
        services.case_study_remove_media(case_study=draft, by=officer_a, kind="image", pk=image.pk)
    with pytest.raises(KnowledgeError, match="nothing of that kind"):
        services.case_study_remove_media(case_study=draft, by=officer_a, kind="user", pk=1)
