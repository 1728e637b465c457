"""Case studies, publications and news in the site search: only what is public, with facets,
kept current as they are published, changed and unpublished."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.utils import timezone

from coopnet.core.search.models import SearchEntry
from coopnet.core.search.registry import REGISTRY
from coopnet.core.search.selectors import search
from coopnet.knowledge import services
from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.services.case_studies import CaseStudyDetails
from coopnet.knowledge.tests.factories import (
    CaseStudyFactory,
    NewsPostFactory,
    PublicationFactory,
    principle,
    theme,
)

pytestmark = pytest.mark.django_db


def entry_for(obj) -> SearchEntry | None:
    content_type = ContentType.objects.get_for_model(obj)
    return SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk).first()


def facets(entry: SearchEntry) -> set[tuple[str, str]]:
    return set(entry.facets.values_list("name", "value"))


def found(text: str) -> int:
    return search(params=QueryDict(text)).total


def test_the_kinds_are_registered():
    assert {"case_study", "publication", "news"} <= set(REGISTRY)


def test_a_case_study_enters_search_when_published_and_leaves_when_unpublished(
    org_a, org_b, officer_a, network_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.case_study_create(
            by=officer_a,
            details=CaseStudyDetails(
                title="Tenant-run repairs",
                summary="Repairs done by a tenants' co-operative.",
                body="<p>The kettlewhistle workshop trains apprentices.</p>",
                lead_organisation=org_a,
                participants=[org_b],
                year=2022,
                principles=[principle("learning")],
                themes=[theme("housing")],
            ),
        )
    assert entry_for(draft) is None
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_submit(case_study=draft, by=officer_a)
    assert entry_for(draft) is None
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_publish(case_study=draft, by=network_admin)
    entry = entry_for(draft)
    assert entry is not None
    assert entry.url == draft.get_absolute_url()
    assert {
        ("type", "case_study"),
        ("principle", "learning"),
        ("theme", "housing"),
        ("member", org_a.slug),
        ("member", org_b.slug),
        ("year", "2022"),
    } <= facets(entry)
    assert found("q=kettlewhistle") == 1
    assert found("q=kettlewhistle&principle=learning") == 1
    assert found("q=kettlewhistle&principle=innovation") == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_update(
            case_study=draft,
            by=network_admin,
            details=CaseStudyDetails(principles=[principle("innovation")]),
        )
    assert found("q=kettlewhistle&principle=innovation") == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_unpublish(case_study=draft, by=network_admin, comment="Old.")
    assert entry_for(draft) is None
    assert found("q=kettlewhistle") == 0


def test_publications_and_news_are_found_when_public(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = PublicationFactory(title="Quillbright toolkit")
        PublicationFactory(title="Quillbright board paper", is_public=False)
        NewsPostFactory(title="Quillbright conference")
        NewsPostFactory(title="Quillbright embargoed", published_at=timezone.now() + timedelta(1))
    assert found("q=quillbright") == 2
    assert found("q=quillbright&type=publication") == 1
    assert ("year", str(public.published_on.year)) in facets(entry_for(public))


def test_a_scheduled_news_post_enters_the_search_when_its_time_comes(
    django_capture_on_commit_callbacks,
):
    from io import StringIO

    from django.core.management import call_command

    from coopnet.knowledge.models import NewsPost
    from coopnet.knowledge.search import index_due_news

    with django_capture_on_commit_callbacks(execute=True):
        post = NewsPostFactory(
            title="Marrowfield festival", published_at=timezone.now() + timedelta(1)
        )
        NewsPostFactory(title="Marrowfield draft", published_at=None)
    assert found("q=marrowfield") == 0
    assert index_due_news() == []  # not yet
    # Its time comes, and nothing saves it.
    NewsPost.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert found("q=marrowfield") == 0
    assert index_due_news() == [post]
    assert found("q=marrowfield") == 1
    assert index_due_news() == []  # once only

    other = NewsPostFactory(title="Marrowfield market", published_at=timezone.now())
    out = StringIO()
    call_command("index_due_news", stdout=out)  # the post was saved outside on_commit here
    assert f"{other.slug}: now in the search" in out.getvalue()
    assert found("q=marrowfield") == 2


def test_the_theme_facet_is_labelled(org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyFactory(lead_organisation=org_a, title="Zephyrine", themes=[theme("food")])
    results = search(params=QueryDict("q=zephyrine"))
    labels = {o.label for g in results.facets if g.name == "theme" for o in g.options}
    assert "Food" in labels


def test_a_rebuild_indexes_only_published_case_studies(org_a):
    from coopnet.core.search.index import rebuild

    CaseStudyFactory(lead_organisation=org_a)
    CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    counts = rebuild(["case_study"])
    assert counts == {"case_study": 1}
