"""Groups in API v1: their public metadata only (never members, posts or chat links)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import serializers, viewsets

from . import selectors
from .models import Group


class GroupSerializer(serializers.ModelSerializer[Group]):
    who_may_join = serializers.CharField(read_only=True)
    member_count = serializers.IntegerField(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Group
        fields = (
            "slug",
            "name",
            "kind",
            "purpose",
            "meets",
            "join_policy",
            "who_may_join",
            "rules_version",
            "member_count",
            "url",
        )


class GroupViewSet(viewsets.ReadOnlyModelViewSet[Group]):
    """Networks and groups: who they are for and how to join."""

    serializer_class = GroupSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Group]:
        return selectors.groups_listed(on=timezone.localdate())
