"""Governance in the read-only API: bodies and their seats, appointments on any date, and
meetings whose minutes are published. Nothing here writes; every read goes through `selectors`.
People who have not chosen to be public are not named."""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from coopnet.core.api.fields import IsoDateFilter
from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly

from . import selectors
from .models import Action, AgendaItem, Appointment, Body, Decision, Meeting, Seat


class SeatSerializer(serializers.ModelSerializer[Seat]):
    body: serializers.SlugRelatedField[Body] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    ex_officio_of = serializers.SerializerMethodField(
        help_text=_("For ex officio seats: the seat whose holder sits here.")
    )

    class Meta:
        model = Seat
        fields = ["id", "body", "name", "constituency", "office", "places", "ex_officio_of"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_ex_officio_of(self, obj: Seat) -> str | None:
        source = obj.ex_officio_of
        return f"{source.body.slug}: {source.name}" if source else None


class BodySerializer(serializers.ModelSerializer[Body]):
    url = serializers.HyperlinkedIdentityField(view_name="api:body-detail", lookup_field="slug")
    seats = SeatSerializer(many=True, read_only=True)
    places = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = ["slug", "name", "short_name", "purpose", "term_years", "places", "seats", "url"]
        read_only_fields = fields

    def get_places(self, obj: Body) -> int:
        return sum(s.places for s in obj.seats.all())


class AppointmentSerializer(serializers.ModelSerializer[Appointment]):
    body = serializers.CharField(source="seat.body.slug", read_only=True)
    seat = serializers.CharField(source="seat.name", read_only=True)
    office = serializers.CharField(source="seat.office", read_only=True)
    person = serializers.SerializerMethodField(help_text=_("Null unless the person is public."))
    organisation = serializers.SerializerMethodField()

    class Meta:
        model = Appointment
        fields = ["id", "body", "seat", "office", "person", "organisation", "start", "end", "how"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_person(self, obj: Appointment) -> str | None:
        return obj.person.public_name

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_organisation(self, obj: Appointment) -> str | None:
        org = obj.organisation
        return org.slug if org is not None and org.is_public else None


class AppointmentFilter(django_filters.FilterSet):
    on = IsoDateFilter(method="filter_on", help_text=_("Only appointments held on this date."))
    body = django_filters.CharFilter(field_name="seat__body__slug", help_text=_("The body's slug."))

    class Meta:
        model = Appointment
        fields: list[str] = []

    def filter_on(self, queryset: QuerySet[Appointment], name: str, value: date) -> Any:
        return queryset.current_on(value)  # type: ignore[attr-defined]


class DecisionSerializer(serializers.ModelSerializer[Decision]):
    class Meta:
        model = Decision
        fields = ["text"]
        read_only_fields = fields


class ActionSerializer(serializers.ModelSerializer[Action]):
    owner = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = ["text", "owner", "due", "done_on"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_owner(self, obj: Action) -> str | None:
        return obj.owner.public_name


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    decisions = DecisionSerializer(many=True, read_only=True)
    actions = ActionSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "description", "minute", "decisions", "actions"]
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    bodies: serializers.SlugRelatedField[Body] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    minutes_published_at = serializers.DateTimeField(source="minutes.published_at", read_only=True)
    minutes_summary = serializers.CharField(source="minutes.summary", read_only=True)
    agenda_items = AgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "kind",
            "bodies",
            "starts_at",
            "online",
            "location",
            "minutes_published_at",
            "minutes_summary",
            "agenda_items",
            "url",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary=_("Governance bodies with their seats")),
    retrieve=extend_schema(summary=_("One governance body with its seats")),
)
class BodyViewSet(viewsets.ReadOnlyModelViewSet[Body]):
    serializer_class = BodySerializer
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Body]:
        return selectors.bodies().prefetch_related("seats__ex_officio_of__body", "seats__body")


@extend_schema_view(list=extend_schema(summary=_("Seats of every body")))
class SeatViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Seat]):
    serializer_class = SeatSerializer
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]

    def get_queryset(self) -> QuerySet[Seat]:
        return selectors.seats()


@extend_schema_view(
    list=extend_schema(
        summary=_("Appointments to seats, current and past"),
        description=_("Every appointment, or with `on` those held on that date (YYYY-MM-DD)."),
    )
)
class AppointmentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Appointment]):
    serializer_class = AppointmentSerializer
    filterset_class = AppointmentFilter
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]

    def get_queryset(self) -> QuerySet[Appointment]:
        return selectors.appointments()


@extend_schema_view(
    list=extend_schema(summary=_("Meetings with published minutes")),
    retrieve=extend_schema(summary=_("One meeting with its published minutes")),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet[Meeting]):
    serializer_class = MeetingSerializer
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]

    def get_queryset(self) -> QuerySet[Meeting]:
        return selectors.meetings(published_only=True).prefetch_related(
            "agenda_items__decisions", "agenda_items__actions__owner"
        )
