"""Events in the read-only API: published events with the lists' filters, and one's own places.

The joining link is never in the API: it is for people with a confirmed place, on the event page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly
from coopnet.core.models import Principle
from coopnet.members.models import Organisation

from . import selectors
from .models import Event, Registration


class EventSerializer(serializers.ModelSerializer[Event]):
    organiser: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    principles: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "kind",
            "summary",
            "starts_at",
            "ends_at",
            "all_day",
            "date_precision",
            "attendance",
            "venue",
            "address",
            "organiser",
            "principles",
            "capacity",
            "registration_open",
            "registration_closes_at",
            "recurrence",
            "counts_towards_events_figure",
            "url",
        ]

    def get_url(self, obj: Event) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@extend_schema_view(
    list=extend_schema(
        summary=_("Events"),
        description=_(
            "Published events, soonest first. Filter with ?when=past (newest first), ?kind=, "
            "?organiser= (an organisation's slug), ?attendance=online or in_person, "
            "?principle= (a principle's slug), ?start= and ?end= (dates, YYYY-MM-DD)."
        ),
    ),
    retrieve=extend_schema(summary=_("One event")),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet[Event]):
    serializer_class = EventSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    filterset_class = None
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Event]:
        if self.action == "retrieve":
            return selectors.published_events().select_related("organiser")
        params = self.request.query_params
        filters = selectors.EventFilters(
            kind=params.get("kind", ""),
            organiser=params.get("organiser", ""),
            attendance=params.get("attendance", ""),
            principle=params.get("principle", ""),
            start=_day(params.get("start", "")),
            end=_day(params.get("end", "")),
        )
        now = timezone.now()
        if params.get("when") == "past":
            return selectors.past_events(filters, now=now)
        return selectors.upcoming_events(filters, now=now)


class SignedIn(BasePermission):
    """Signed-in people read their own places; anyone else is refused; nobody writes."""

    message = _("Sign in to see your places on events.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return bool(request.user and request.user.is_authenticated)


class RegistrationSerializer(serializers.ModelSerializer[Registration]):
    event: serializers.SlugRelatedField[Event] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    title = serializers.CharField(source="event.title", read_only=True)
    starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)

    class Meta:
        model = Registration
        fields = ["event", "title", "starts_at", "status", "position", "created_at"]


@extend_schema_view(
    list=extend_schema(
        summary=_("Your places on events"),
        description=_(
            "Your registrations that are not cancelled: confirmed, wait-listed, pending."
        ),
    )
)
class MyRegistrationViewSet(viewsets.GenericViewSet[Registration]):
    serializer_class = RegistrationSerializer
    permission_classes = [SignedIn]
    pagination_class = ApiPagination
    filterset_class = None

    def get_queryset(self) -> QuerySet[Registration]:
        return selectors.registrations_of_user(self.request.user)

    def list(self, request: Request) -> Any:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
