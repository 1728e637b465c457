"""Elections in the API: elections whose results are published, with their seats, candidates,
who was elected and the totals at each stage of the count. Nothing secret is ever serialised:
no ballots, receipts, electorate or voting marks."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly

from . import selectors
from .models import Contest, CountStage, Election, Nomination


class CandidateSerializer(serializers.ModelSerializer[Nomination]):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(
        source="person.public_name",
        read_only=True,
        allow_null=True,
        help_text=_("Null unless the candidate has chosen to be named publicly."),
    )
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    organisation_slug = serializers.CharField(source="organisation.slug", read_only=True)
    elected = serializers.BooleanField(source="is_elected", read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "name",
            "organisation",
            "organisation_slug",
            "outcome",
            "elected",
            "elected_order",
        ]
        read_only_fields = fields


class StageSerializer(serializers.ModelSerializer[CountStage]):
    totals = serializers.DictField(
        child=serializers.CharField(),
        help_text=_("Candidate id -> votes at the end of the stage (five decimal places)."),
    )

    class Meta:
        model = CountStage
        fields = [
            "number",
            "action",
            "subject",
            "transfer_value",
            "totals",
            "non_transferable",
            "elected",
            "excluded",
            "ties",
        ]
        read_only_fields = fields


class ContestSerializer(serializers.ModelSerializer[Contest]):
    seat = serializers.CharField(source="seat.name", read_only=True)
    constituency = serializers.CharField(source="seat.constituency", read_only=True)
    candidates = serializers.SerializerMethodField()
    stages = StageSerializer(many=True, read_only=True)

    class Meta:
        model = Contest
        fields = [
            "seat",
            "constituency",
            "places",
            "uncontested",
            "valid_ballots",
            "quota",
            "lot_seed",
            "candidates",
            "stages",
        ]
        read_only_fields = fields

    @extend_schema_field(CandidateSerializer(many=True))
    def get_candidates(self, obj: Contest) -> list[dict[str, Any]]:
        accepted = [n for n in obj.nominations.all() if n.is_candidate]
        return list(CandidateSerializer(accepted, many=True).data)


class ElectionSerializer(serializers.ModelSerializer[Election]):
    url = serializers.HyperlinkedIdentityField(view_name="api:election-detail", lookup_field="slug")
    body = serializers.CharField(source="body.name", read_only=True)
    body_slug = serializers.CharField(source="body.slug", read_only=True)
    contests = ContestSerializer(many=True, read_only=True)

    class Meta:
        model = Election
        fields = [
            "slug",
            "title",
            "body",
            "body_slug",
            "method",
            "term_start",
            "term_end",
            "reported_only",
            "held",
            "source",
            "results_at",
            "contests",
            "url",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary=_("Elections with published results"),
        description=_(
            "Each election whose results are published: its seats, candidates, who was elected "
            "and the totals at each stage of the count. Past elections recorded from a report "
            "carry who was elected only."
        ),
    ),
    retrieve=extend_schema(summary=_("One election with published results")),
)
class ElectionViewSet(viewsets.ReadOnlyModelViewSet[Election]):
    serializer_class = ElectionSerializer
    pagination_class = ApiPagination
    permission_classes = [PublicReadOnly]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Election]:
        return selectors.published_elections()
