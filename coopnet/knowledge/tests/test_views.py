"""The pages as people meet them: what they see, what they are refused, and what each costs."""

from __future__ import annotations

import re

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse

from coopnet.core.guard import Refused
from coopnet.knowledge import selectors, services
from coopnet.knowledge.models import CaseStudy, Publication
from coopnet.knowledge.services.case_studies import CaseStudyDetails
from coopnet.knowledge.tests.factories import (
    CaseStudyFactory,
    NewsPostFactory,
    PublicationFactory,
    pdf_bytes,
    principle,
    theme,
)
from coopnet.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def form_data(org, **extra):
    return {
        "title": "Kirklees food hub",
        "summary": "A community food hub.",
        "body": "<p>Volunteers run it.</p>",
        "lead_organisation": org.pk,
        "year": "2023",
        "status": "ongoing",
        "principles": [principle().pk],
        **extra,
    }


# --- the public library -------------------------------------------------------------------------


def test_published_case_studies_are_public_and_drafts_are_not(client, org_a):
    published = CaseStudyFactory(lead_organisation=org_a, title="Open to all")
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Hidden")
    listing = text_of(client.get(reverse("knowledge:case_studies")))
    assert "Open to all" in listing
    assert "Hidden" not in listing
    assert client.get(published.get_absolute_url()).status_code == 200
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_draft_is_refused_to_other_members(client, officer_b, org_a):
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    client.force_login(officer_b)
    assert client.get(draft.get_absolute_url()).status_code == 403


def test_a_former_address_redirects_permanently(client, org_a, network_admin):
    case_study = CaseStudyFactory(lead_organisation=org_a, slug="first-address")
    services.case_study_update(
        case_study=case_study, by=network_admin, details=CaseStudyDetails(slug="second")
    )
    response = client.get(reverse("knowledge:case_study", args=["first-address"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("knowledge:case_study", args=["second"])
    assert client.get(reverse("knowledge:case_study", args=["never-was"])).status_code == 404


def test_the_list_filters_by_principle_theme_member_and_year_in_its_address(client, org_a, org_b):
    CaseStudyFactory(lead_organisation=org_a, title="Net zero one", themes=[theme("net-zero")])
    CaseStudyFactory(lead_organisation=org_b, title="Food one", year=2019)
    joint = CaseStudyFactory(lead_organisation=org_b, title="Joint one", year=2019)
    joint.participants.add(org_a)
    url = reverse("knowledge:case_studies")
    assert "Net zero one" in text_of(client.get(url, {"theme": "net-zero"}))
    assert "Food one" not in text_of(client.get(url, {"theme": "net-zero"}))
    by_member = text_of(client.get(url, {"member": org_a.slug}))
    assert "Net zero one" in by_member
    assert "Joint one" in by_member
    assert "Food one" not in by_member
    assert "2 case studies" in text_of(client.get(url, {"year": "2019"}))
    assert "1 case study" in text_of(
        client.get(url, {"principle": "co-production", "year": "2023"})
    )


@pytest.mark.parametrize("rows", [2, 30])
def test_the_list_costs_the_same_for_few_or_many(
    client, org_a, rows, django_assert_max_num_queries
):
    CaseStudyFactory.create_batch(rows, lead_organisation=org_a)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("knowledge:case_studies"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [2, 25])
def test_a_case_study_page_costs_the_same_however_much_is_related(
    client, org_a, rows, django_assert_max_num_queries
):
    case_study = CaseStudyFactory(lead_organisation=org_a, themes=[theme()])
    for _ in range(rows):
        other = CaseStudyFactory(lead_organisation=org_a, themes=[theme()])
        other.participants.add(OrganisationFactory())
    with django_assert_max_num_queries(14):
        response = client.get(case_study.get_absolute_url())
    assert "Related case studies" in text_of(response)


def test_related_content_ranks_by_what_is_shared_in_two_queries(
    org_a, org_b, django_assert_num_queries
):
    net_zero, food = theme("net-zero"), theme("food")
    learning, coproduction = principle("learning"), principle("co-production")
    subject = CaseStudyFactory(
        lead_organisation=org_a, themes=[net_zero], principles=[coproduction]
    )
    best = CaseStudyFactory(lead_organisation=org_a, themes=[net_zero], principles=[coproduction])
    some = CaseStudyFactory(lead_organisation=org_b, themes=[net_zero], principles=[learning])
    CaseStudyFactory(lead_organisation=org_b, themes=[food], principles=[learning])  # unrelated
    CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.DRAFT, themes=[net_zero]
    )  # not published
    subject = selectors.case_study_for_page(subject.slug)
    with django_assert_num_queries(2):
        related = selectors.rank_related(subject)
        titles = [c.title for c in related]
        icons = [list(c.principles.all()) for c in related]
    assert titles == [best.title, some.title]
    assert icons[0] == [coproduction]


def test_related_content_is_remembered_until_a_case_study_changes(
    org_a, org_b, django_assert_num_queries
):
    net_zero = theme("net-zero")
    subject = CaseStudyFactory(lead_organisation=org_a, themes=[net_zero])
    first = CaseStudyFactory(lead_organisation=org_b, themes=[net_zero], title="First")
    subject = selectors.case_study_for_page(subject.slug)
    assert [c.title for c in selectors.related_case_studies(subject)] == ["First"]
    with django_assert_num_queries(1):  # the public version only
        again = selectors.related_case_studies(subject)
        assert [c.title for c in again] == ["First"]
        icons = [list(c.principles.all()) for c in again]
    assert icons == [list(first.principles.order_by("order"))]

    CaseStudyFactory(lead_organisation=org_a, themes=[net_zero], title="Second")
    first.title = "First, renamed"
    first.save()
    titles = {c.title for c in selectors.related_case_studies(subject)}
    assert titles == {"First, renamed", "Second"}


def test_a_council_page_can_show_its_case_studies(org_a, org_b, django_assert_max_num_queries):
    led = CaseStudyFactory(lead_organisation=org_a, title="Led by Oldham")
    joined = CaseStudyFactory(lead_organisation=org_b, title="With Oldham")
    joined.participants.add(org_a)
    CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Draft")
    with django_assert_max_num_queries(2):
        html = render_to_string(
            "knowledge/_organisation_case_studies.html",
            {"organisation": org_a, "case_studies": selectors.case_studies_for(org_a)},
        )
    assert led.title in html
    assert joined.title in html
    assert "Draft" not in html
    assert f"?member={org_a.slug}" in html


# --- writing and reviewing ----------------------------------------------------------------------


def test_an_officer_writes_and_submits_with_errors_shown(client, officer_a, org_a):
    client.force_login(officer_a)
    url = reverse("knowledge:case_study_new")
    response = client.post(url, form_data(org_a, contact_name="Jo", body='<img src="a.png">'))
    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page
    assert "alt text" in page
    assert "agrees to be named" in page
    response = client.post(url, form_data(org_a))
    case_study = CaseStudy.objects.get()
    assert response["Location"] == reverse("knowledge:case_study_media", args=[case_study.slug])
    response = client.post(reverse("knowledge:case_study_submit", args=[case_study.slug]))
    assert response.status_code == 302
    case_study.refresh_from_db()
    assert case_study.state == CaseStudy.State.SUBMITTED


def test_an_officer_cannot_choose_another_members_organisation(client, officer_a, org_a, org_b):
    client.force_login(officer_a)
    response = client.post(reverse("knowledge:case_study_new"), form_data(org_b))
    assert "Select a valid choice" in text_of(response)
    assert not CaseStudy.objects.exists()


def test_submitting_an_incomplete_case_study_says_what_is_missing(client, officer_a, org_a):
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, principles=[])
    client.force_login(officer_a)
    response = client.post(reverse("knowledge:case_study_submit", args=[draft.slug]), follow=True)
    assert "Add at least one principle before submitting." in text_of(response)


def test_a_submitted_case_study_cannot_be_edited_by_its_officers(client, officer_a, org_a):
    submitted = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.SUBMITTED)
    client.force_login(officer_a)
    assert (
        client.get(reverse("knowledge:case_study_edit", args=[submitted.slug])).status_code == 403
    )


def test_staff_return_with_comments_and_publish(client, network_admin, officer_a, org_a):
    case_study = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.SUBMITTED)
    client.force_login(network_admin)
    url = reverse("knowledge:case_study_review", args=[case_study.slug])
    response = client.post(url, {"decision": "return", "comment": ""})
    assert "Say what needs to change before returning it." in text_of(response)
    client.post(url, {"decision": "return", "comment": "Add the results."})
    case_study.refresh_from_db()
    assert case_study.state == CaseStudy.State.RETURNED
    client.force_login(officer_a)
    page = text_of(client.get(case_study.get_absolute_url()))
    assert "Add the results." in page
    case_study.state = CaseStudy.State.SUBMITTED
    case_study.save()
    client.force_login(network_admin)
    response = client.post(url, {"decision": "publish"}, follow=True)
    assert "is published" in text_of(response)
    response = client.post(url, {"decision": "publish"})
    assert "Only a submitted case study can be published." in text_of(response)


def test_the_review_queue_lists_what_waits(client, network_admin, org_a):
    CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.SUBMITTED, title="Waiting")
    CaseStudyFactory(lead_organisation=org_a, title="Already out")
    client.force_login(network_admin)
    page = text_of(client.get(reverse("knowledge:moderation_queue")))
    assert "Waiting" in page
    assert "Already out" not in page


def test_media_page_refuses_a_fake_pdf_and_an_image_without_alt(client, officer_a, org_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import png_upload

    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    client.force_login(officer_a)
    url = reverse("knowledge:case_study_media", args=[draft.slug])
    fake = SimpleUploadedFile("plan.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        url, {"kind": "attachment", "attachment-file": fake, "attachment-title": "Plan"}
    )
    assert "The file must be a PDF." in text_of(response)
    response = client.post(
        url, {"kind": "image", "image-image": png_upload(), "image-alt_text": ""}
    )
    assert "This field is required." in text_of(response)
    assert not draft.attachments.exists()
    assert not draft.images.exists()
    response = client.post(
        url,
        {"kind": "image", "image-image": png_upload(), "image-alt_text": "Volunteers at the hub"},
    )
    assert response.status_code == 302
    assert draft.images.get().alt_text == "Volunteers at the hub"


def test_history_shows_the_review_steps(client, officer_a, network_admin, org_a):
    case_study = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.SUBMITTED)
    services.case_study_return(case_study=case_study, by=network_admin, comment="Shorter please.")
    client.force_login(officer_a)
    page = text_of(client.get(reverse("knowledge:case_study_history", args=[case_study.slug])))
    assert "Returned with comments" in page
    assert "Shorter please." in page


# --- publications, news, the resource page ------------------------------------------------------


def test_downloads_are_counted_for_people_not_robots(client):
    publication = PublicationFactory()
    publication.file.save("report.pdf", ContentFile(pdf_bytes()))
    url = reverse("knowledge:publication_download", args=[publication.slug])
    response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (Windows NT 10.0)")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.get(url, HTTP_USER_AGENT="Googlebot/2.1")
    client.head(url, HTTP_USER_AGENT="Mozilla/5.0")
    publication.refresh_from_db()
    assert publication.download_count == 1
    assert publication.history.count() == 2  # created, file saved: counting writes no history


def test_a_publication_without_a_file_sends_readers_where_it_is_kept(client):
    publication = PublicationFactory(external_url="https://bit.ly/CCIN-care")
    response = client.get(reverse("knowledge:publication_download", args=[publication.slug]))
    assert response["Location"] == "https://bit.ly/CCIN-care"
    nothing = PublicationFactory()
    assert (
        client.get(reverse("knowledge:publication_download", args=[nothing.slug])).status_code
        == 404
    )


def test_hidden_publications_are_not_shown(client):
    hidden = PublicationFactory(is_public=False, title="Board paper")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Board paper" not in text_of(client.get(reverse("knowledge:publications")))


@pytest.mark.parametrize("rows", [2, 30])
def test_publication_and_news_lists_cost_the_same(client, rows, django_assert_max_num_queries):
    PublicationFactory.create_batch(rows)
    NewsPostFactory.create_batch(rows)
    with django_assert_max_num_queries(4):
        client.get(reverse("knowledge:publications"))
    with django_assert_max_num_queries(6):
        client.get(reverse("knowledge:news"))


def test_a_publication_page_shows_its_members_and_principles(
    client, org_a, django_assert_max_num_queries
):
    publication = PublicationFactory(kind=Publication.Kind.TOOLKIT)
    publication.organisations.add(org_a)
    publication.principles.add(principle("learning"))
    with django_assert_max_num_queries(8):
        page = text_of(client.get(publication.get_absolute_url()))
    assert org_a.name in page
    assert "Learning" in page
    assert "Toolkit" in page


def test_news_feeds_list_published_posts_only(client):
    from datetime import timedelta

    from django.utils import timezone

    NewsPostFactory(title="Conference announced")
    NewsPostFactory(title="Not yet", published_at=timezone.now() + timedelta(days=3))
    NewsPostFactory(title="Draft post", published_at=None)
    rss = client.get(reverse("knowledge:news_rss"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"Conference announced" in rss.content
    assert b"Not yet" not in rss.content
    atom = client.get(reverse("knowledge:news_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"<feed" in atom.content
    assert b"Draft post" not in atom.content
    assert "Not yet" not in text_of(client.get(reverse("knowledge:news")))


def test_news_names_only_the_authors_who_chose_to_be_named(client):
    from coopnet.knowledge.search import news_document
    from coopnet.members.tests.factories import PersonFactory

    post = NewsPostFactory(title="Officer Network relaunched", slug="relaunch")
    post.authors.add(
        PersonFactory(full_name="Ruth Named", is_public=True),
        PersonFactory(full_name="Penny Private", is_public=False),
    )
    pages = {
        "list": text_of(client.get(reverse("knowledge:news"))),
        "post": text_of(client.get(post.get_absolute_url())),
        "rss": client.get(reverse("knowledge:news_rss")).content.decode(),
        "api": client.get("/api/v1/news/").content.decode(),
    }
    for where, text in pages.items():
        assert "Officer Network relaunched" in text, where
        assert "Ruth Named" in text, where
        assert "Penny Private" not in text, where
    assert "by Ruth Named" in pages["post"]
    document = news_document(post)
    assert document is not None
    assert "Penny Private" not in document.body


def test_news_by_tag(client):
    from coopnet.knowledge.models import Tag

    tag = Tag.objects.create(slug="agm", name="AGM")
    NewsPostFactory(title="AGM report").tags.add(tag)
    NewsPostFactory(title="Other")
    page = text_of(client.get(reverse("knowledge:news"), {"tag": "agm"}))
    assert "AGM report" in page
    assert "Other" not in page


def test_being_a_cooperative_council_links_actions_to_case_studies(
    client, org_a, django_assert_max_num_queries
):
    from coopnet.knowledge.models import Action

    action = Action.objects.get(slug="progressive-procurement")
    CaseStudyFactory(lead_organisation=org_a).actions.add(action)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("knowledge:council_resources"))
    page = text_of(response)
    assert "Community wealth building" in page
    assert "Co-operative placemaking" in page
    assert "Promote a progressive procurement policy (1 case study)" in page
    assert "?action=progressive-procurement" in response.content.decode()
    listing = text_of(client.get(reverse("knowledge:case_studies"), {"action": action.slug}))
    assert "1 case study" in listing


def test_pages_in_welsh(client, org_a):
    case_study = CaseStudyFactory(lead_organisation=org_a)
    client.cookies["django_language"] = "cy"
    page = text_of(client.get(case_study.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cy"))
    assert "Astudiaethau achos" in page
    page = text_of(client.get(reverse("knowledge:council_resources"), HTTP_ACCEPT_LANGUAGE="cy"))
    assert "Bod yn Gyngor Cydweithredol" in page


@pytest.mark.parametrize("rows", [2, 30])
def test_working_lists_cost_the_same_for_few_or_many(
    client, officer_a, network_admin, org_a, rows, django_assert_max_num_queries
):
    CaseStudyFactory.create_batch(rows, lead_organisation=org_a, state=CaseStudy.State.SUBMITTED)
    client.force_login(officer_a)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("knowledge:my_case_studies")).status_code == 200
    client.force_login(network_admin)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("knowledge:moderation_queue")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("knowledge:packs")).status_code == 200


# --- deleting a draft ---------------------------------------------------------------------------


def test_the_author_deletes_a_draft_after_confirming_on_its_own_page(
    client, officer_a, org_a, django_capture_on_commit_callbacks
):
    draft = CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.DRAFT, created_by=officer_a
    )
    client.force_login(officer_a)
    detail = client.get(draft.get_absolute_url()).content.decode()
    url = reverse("knowledge:case_study_delete", args=[draft.slug])
    assert f'href="{url}"' in detail
    confirm = client.get(url)
    assert "Delete this draft" in confirm.content.decode()
    assert "This cannot be undone." in confirm.content.decode()
    assert CaseStudy.objects.filter(pk=draft.pk).exists()  # asking deletes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, follow=True)
    assert f"The draft “{draft.title}” has been deleted." in done.content.decode()
    assert not CaseStudy.objects.filter(pk=draft.pk).exists()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_published_case_study_is_never_deleted(client, officer_a, network_admin, org_a):
    published = CaseStudyFactory(lead_organisation=org_a, created_by=officer_a)
    url = reverse("knowledge:case_study_delete", args=[published.slug])
    for user in (officer_a, network_admin):
        client.force_login(user)
        assert "Delete this draft" not in client.get(published.get_absolute_url()).content.decode()
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    assert CaseStudy.objects.filter(pk=published.pk).exists()
    with pytest.raises(Refused):
        services.case_study_delete(case_study=published, by=officer_a)


def test_a_submitted_draft_or_someone_elses_is_not_deleted(client, officer_a, officer_b, org_a):
    submitted = CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.SUBMITTED, created_by=officer_a
    )
    client.force_login(officer_a)
    assert (
        client.post(reverse("knowledge:case_study_delete", args=[submitted.slug])).status_code
        == 403
    )
    others = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    assert (
        client.post(reverse("knowledge:case_study_delete", args=[others.slug])).status_code == 403
    )
    client.force_login(officer_b)
    mine_elsewhere = CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.DRAFT, created_by=officer_b
    )
    response = client.post(reverse("knowledge:case_study_delete", args=[mine_elsewhere.slug]))
    assert response.status_code == 403
    assert (
        CaseStudy.objects.filter(pk__in=[submitted.pk, others.pk, mine_elsewhere.pk]).count() == 3
    )


def test_a_signed_in_reader_sees_a_case_study_change_at_once(client, supporter, org_a, org_b):
    net_zero = theme("net-zero")
    story = CaseStudyFactory(lead_organisation=org_a, themes=[net_zero], summary="First summary")
    client.force_login(supporter)
    assert "First summary" in client.get(story.get_absolute_url()).text
    assert "Related case studies" not in client.get(story.get_absolute_url()).text

    story.summary = "Second summary"
    story.save()
    CaseStudyFactory(lead_organisation=org_b, themes=[net_zero], title="A neighbour's story")
    page = client.get(story.get_absolute_url()).text
    assert "Second summary" in page
    assert "First summary" not in page
    assert "A neighbour&#x27;s story" in page
    assert reverse("knowledge:case_study_edit", args=[story.slug]) not in page  # a reader's page


def test_a_link_added_to_a_published_case_study_shows_at_once(
    client, supporter, network_admin, org_a
):
    story = CaseStudyFactory(lead_organisation=org_a)
    client.force_login(supporter)
    assert "Our evaluation report" not in client.get(story.get_absolute_url()).text
    services.case_study_add_link(
        case_study=story,
        by=network_admin,
        title="Our evaluation report",
        url="https://example.org/r",
    )
    assert "Our evaluation report" in client.get(story.get_absolute_url()).text
