"""Funded projects in the read-only public API (published projects only; amounts when known)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from coopnet.core.api.fields import IntegerFilter
from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly
from coopnet.core.models import Principle
from coopnet.members.models import Organisation

from . import selectors
from .models import Project, Scheme

if TYPE_CHECKING:
    from coopnet.knowledge.models import Publication


class ProjectSerializer(serializers.ModelSerializer[Project]):
    scheme: serializers.SlugRelatedField[Scheme] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    year = serializers.IntegerField(read_only=True, allow_null=True)
    lead: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    partners: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    participants: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    principles: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    outputs: serializers.SlugRelatedField[Publication] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = Project
        fields = [
            "slug",
            "title",
            "summary",
            "scheme",
            "year",
            "status",
            "lead",
            "led_by_network",
            "partners",
            "participants",
            "principles",
            "outputs",
            "amount",
            "awarded_on",
            "starts_on",
            "ends_on",
            "completed_on",
            "report_launched_on",
        ]


class ProjectFilter(django_filters.FilterSet):
    scheme = django_filters.CharFilter(field_name="scheme__slug")
    year = IntegerFilter(field_name="round__year")
    status = django_filters.ChoiceFilter(choices=Project.Status.choices)
    principle = django_filters.CharFilter(field_name="principles__slug", distinct=True)

    class Meta:
        model = Project
        fields = ["scheme", "year", "status", "principle"]


class ProjectViewSet(viewsets.ReadOnlyModelViewSet[Project]):
    serializer_class = ProjectSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    filterset_class = ProjectFilter
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Project]:
        return (
            selectors.published_projects()
            .select_related("scheme", "round", "lead")
            .prefetch_related("partners", "participants", "principles", "outputs")
            .order_by("-round__year", "title")
        )
