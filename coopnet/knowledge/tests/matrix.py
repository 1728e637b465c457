"""The knowledge hub's part of the permission matrices (see coopnet/core/tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from coopnet.core.tests.matrix import (
    EDIT,
    LOGIN,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    editors_of_a,
    everyone,
    signed_in,
)

from .factories import CaseStudyFactory, NewsPostFactory, PublicationFactory, pdf_bytes

A_DRAFT = lambda c: {"slug": c["knowledge_draft"].slug}  # noqa: E731
PUBLISHED = lambda c: {"slug": c["knowledge_published"].slug}  # noqa: E731
PUBLICATION = lambda c: {"slug": c["knowledge_publication"].slug}  # noqa: E731
NEWS = lambda c: {"slug": c["knowledge_news"].slug}  # noqa: E731
PACK = lambda c: {"pk": c["knowledge_pack"].pk}  # noqa: E731

# Officers who manage any organisation write case studies (for the organisations they manage).
WRITERS = {**signed_in(403), "officer_a": OK, "officer_b": OK, "network_admin": OK}

ENTRIES: dict[str, Entry] = {
    "knowledge:hub": Entry(everyone(OK)),
    "knowledge:case_studies": Entry(everyone(OK)),
    "knowledge:case_study_new": Entry(WRITERS),
    "knowledge:my_case_studies": Entry(WRITERS),
    "knowledge:moderation_queue": Entry(admins_only()),
    # A draft of org A: its officers and staff only (a published one is public: test_views).
    "knowledge:case_study": Entry(editors_of_a(), A_DRAFT),
    "knowledge:case_study_edit": Entry(editors_of_a(), A_DRAFT),
    "knowledge:case_study_media": Entry(editors_of_a(), A_DRAFT),
    "knowledge:case_study_media_remove": Entry(
        {**editors_of_a(), "officer_a": REDIRECT, "network_admin": REDIRECT},
        lambda c: {**A_DRAFT(c), "kind": "link", "pk": c["knowledge_link"].pk},
        method="post",
    ),
    "knowledge:case_study_submit": Entry(editors_of_a(), A_DRAFT),
    # The draft's author (officer_a) and staff; a published one is refused to all (test_views).
    "knowledge:case_study_delete": Entry(editors_of_a(), A_DRAFT),
    "knowledge:case_study_history": Entry(editors_of_a(), A_DRAFT),
    "knowledge:case_study_review": Entry(admins_only(), A_DRAFT),
    "knowledge:case_study_unpublish": Entry(admins_only(), PUBLISHED),
    "knowledge:publications": Entry(everyone(OK)),
    "knowledge:publication": Entry(everyone(OK), PUBLICATION),
    "knowledge:publication_download": Entry(everyone(OK), PUBLICATION),
    "knowledge:news": Entry(everyone(OK)),
    "knowledge:news_post": Entry(everyone(OK), NEWS),
    "knowledge:news_rss": Entry(everyone(OK)),
    "knowledge:news_atom": Entry(everyone(OK)),
    "knowledge:council_resources": Entry(everyone(OK)),
    "knowledge:packs": Entry(admins_only()),
    "knowledge:pack_new": Entry(admins_only()),
    "knowledge:pack": Entry(admins_only(), PACK),
    "knowledge:pack_download": Entry(admins_only(), PACK),
    "knowledge:pack_publish": Entry(admins_only(), PACK),
    # API v1: public, read-only open data
    "api:case-study-list": Entry(everyone(OK)),
    "api:case-study-detail": Entry(everyone(OK), PUBLISHED),
    "api:publication-list": Entry(everyone(OK)),
    "api:publication-detail": Entry(everyone(OK), PUBLICATION),
    "api:news-post-list": Entry(everyone(OK)),
    "api:news-post-detail": Entry(everyone(OK), NEWS),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    from coopnet.knowledge.models import CaseStudiesPack, CaseStudy, CaseStudyLink

    draft = CaseStudyFactory.create(
        lead_organisation=ctx["org_a"],
        state=CaseStudy.State.DRAFT,
        created_by=ctx["users"]["officer_a"],
    )
    published = CaseStudyFactory.create(lead_organisation=ctx["org_a"])
    publication = PublicationFactory.create()
    publication.file.save("report.pdf", ContentFile(pdf_bytes()))
    pack = CaseStudiesPack.objects.create(title="Pack", total=1, state=CaseStudiesPack.State.READY)
    pack.file.save("pack.pdf", ContentFile(pdf_bytes()))
    return {
        "knowledge_draft": draft,
        "knowledge_published": published,
        "knowledge_link": CaseStudyLink.objects.create(
            case_study=draft, title="Council page", url="https://www.oldham.gov.uk/"
        ),
        "knowledge_publication": publication,
        "knowledge_news": NewsPostFactory(),
        "knowledge_pack": pack,
    }


BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "knowledge.publication": {"network_admin": EDIT},
    "knowledge.newspost": {"network_admin": EDIT},
    "knowledge.tag": {"network_admin": EDIT},
    "knowledge.theme": {"network_admin": EDIT},
    "knowledge.action": {"network_admin": EDIT},
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    from coopnet.knowledge.models import Action, Tag, Theme

    return {
        "knowledge.publication": PublicationFactory(),
        "knowledge.newspost": NewsPostFactory(),
        "knowledge.tag": Tag.objects.create(slug="co-op-fortnight", name="Co-op Fortnight"),
        "knowledge.theme": Theme.objects.first(),
        "knowledge.action": Action.objects.first(),
    }


__all__ = ["ENTRIES", "LOGIN"]
