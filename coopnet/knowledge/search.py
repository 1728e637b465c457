"""Case studies (published only), public publications and published news in the site search.

Registered from KnowledgeConfig.ready(). Documents carry the facets principle, theme, member
and year; the index follows saves and deletes by itself, and the services call
`coopnet.core.search.index.refresh` after changing only many-to-many links.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coopnet.core.search.index import refresh_now
from coopnet.core.search.models import SearchEntry
from coopnet.core.search.registry import SearchDocument, register, register_facet_labels
from coopnet.members.models import Organisation

from .models import CaseStudy, NewsPost, Publication, Theme


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def case_studies() -> QuerySet[CaseStudy]:
    return (
        CaseStudy.objects.filter(state=CaseStudy.State.PUBLISHED)
        .select_related("lead_organisation")
        .prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.only("slug", "name")),
            "principles",
            "themes",
            "actions",
        )
        .order_by("pk")
    )


def case_study_document(case_study: CaseStudy) -> SearchDocument | None:
    if not case_study.is_published:
        return None
    members = [case_study.lead_organisation, *case_study.participants.all()]
    themes = list(case_study.themes.all())
    return SearchDocument(
        title=case_study.title,
        summary=case_study.summary,
        body=_join(
            case_study.body_text,
            ", ".join(o.name for o in members),
            ", ".join(t.name for t in themes),
            ", ".join(a.name for a in case_study.actions.all()),
        ),
        url=case_study.get_absolute_url(),
        date=case_study.published_at.date() if case_study.published_at else None,
        facets={
            "principle": [p.slug for p in case_study.principles.all()],
            "theme": [t.slug for t in themes],
            "member": [o.slug for o in members],
            "year": [str(case_study.year)],
        },
    )


def publications() -> QuerySet[Publication]:
    return (
        Publication.objects.filter(is_public=True)
        .prefetch_related("organisations", "principles", "themes")
        .order_by("pk")
    )


def publication_document(publication: Publication) -> SearchDocument | None:
    if not publication.is_public:
        return None
    organisations = list(publication.organisations.all())
    return SearchDocument(
        title=publication.title,
        summary=publication.summary,
        body=_join(
            publication.summary,
            str(publication.get_kind_display()),
            ", ".join(o.name for o in organisations),
        ),
        url=publication.get_absolute_url(),
        date=publication.published_on,
        facets={
            "principle": [p.slug for p in publication.principles.all()],
            "theme": [t.slug for t in publication.themes.all()],
            "member": [o.slug for o in organisations],
        },
    )


def news_posts() -> QuerySet[NewsPost]:
    return (
        NewsPost.objects.filter(published_at__isnull=False)
        .prefetch_related("authors", "tags")
        .order_by("pk")
    )


def news_document(post: NewsPost) -> SearchDocument | None:
    if post.published_at is None or post.published_at > timezone.now():
        return None
    return SearchDocument(
        title=post.title,
        summary=post.summary,
        body=_join(
            post.body_text,
            ", ".join(post.byline),
            ", ".join(t.name for t in post.tags.all()),
        ),
        url=post.get_absolute_url(),
        date=timezone.localtime(post.published_at).date(),
    )


def index_due_news() -> list[NewsPost]:
    """Add to the search the news posts whose publication time has come since they were saved.

    A post saved with a future time stays out of the index until then, and nothing saves it
    again at that time: `manage.py index_due_news` runs this every few minutes.
    """
    content_type = ContentType.objects.get_for_model(NewsPost)
    indexed = SearchEntry.objects.filter(content_type=content_type).values("object_id")
    due = list(
        NewsPost.objects.filter(published_at__lte=timezone.now())
        .exclude(pk__in=indexed)
        .order_by("published_at", "pk")
    )
    for post in due:
        refresh_now(NewsPost, post.pk)
    return due


def theme_labels(slugs: list[str]) -> dict[str, str]:
    return {
        slug: gettext(name)
        for slug, name in Theme.objects.filter(slug__in=slugs).values_list("slug", "name")
    }


def register_knowledge() -> None:
    register(
        CaseStudy,
        kind="case_study",
        document=case_study_document,
        queryset=case_studies,
        label=_("Case studies"),
    )
    register(
        Publication,
        kind="publication",
        document=publication_document,
        queryset=publications,
        label=_("Publications"),
    )
    register(
        NewsPost,
        kind="news",
        document=news_document,
        queryset=news_posts,
        label=_("News and blogs"),
    )
    register_facet_labels("theme", theme_labels)
