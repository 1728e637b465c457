"""The library in API v1: published case studies, public publications, published news.
Read-only open data; drafts, contact consent records and review comments are never serialised."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly
from coopnet.core.models import Principle
from coopnet.members.models import Organisation

from . import selectors
from .models import CaseStudy, NewsPost, Publication, Tag, Theme


class CaseStudySerializer(serializers.ModelSerializer[CaseStudy]):
    lead_member: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        source="lead_organisation", slug_field="slug", read_only=True
    )
    participating_members: serializers.SlugRelatedField[Organisation] = (
        serializers.SlugRelatedField(
            source="participants", slug_field="slug", many=True, read_only=True
        )
    )
    principles: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    themes: serializers.SlugRelatedField[Theme] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = CaseStudy
        fields = (
            "slug",
            "title",
            "summary",
            "body_text",
            "lead_member",
            "participating_members",
            "year",
            "status",
            "principles",
            "themes",
            "url",
        )


class CaseStudyViewSet(viewsets.ReadOnlyModelViewSet[CaseStudy]):
    """Published case studies, newest year first."""

    serializer_class = CaseStudySerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[CaseStudy]:
        return selectors.case_study_list(selectors.CaseStudyFilters()).prefetch_related(
            "participants", "themes"
        )


class PublicationSerializer(serializers.ModelSerializer[Publication]):
    organisations: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    principles: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    themes: serializers.SlugRelatedField[Theme] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Publication
        fields = (
            "slug",
            "title",
            "kind",
            "published_on",
            "summary",
            "organisations",
            "principles",
            "themes",
            "download_count",
            "url",
        )


class PublicationViewSet(viewsets.ReadOnlyModelViewSet[Publication]):
    """Publications shown on the website."""

    serializer_class = PublicationSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Publication]:
        return selectors.publication_list().prefetch_related(
            "organisations", "principles", "themes"
        )


class NewsPostSerializer(serializers.ModelSerializer[NewsPost]):
    authors = serializers.SerializerMethodField()
    tags: serializers.SlugRelatedField[Tag] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = NewsPost
        fields = ("slug", "kind", "title", "summary", "published_at", "authors", "tags", "url")

    def get_authors(self, obj: NewsPost) -> list[str]:
        return obj.byline


class NewsPostViewSet(viewsets.ReadOnlyModelViewSet[NewsPost]):
    """Published news and blog posts, newest first."""

    serializer_class = NewsPostSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[NewsPost]:
        return selectors.published_news()
