"""Applications to join, for the network's staff: read-only, with the self-assessment.

Decisions are taken on the site (`/join/applications/`), where the services check every rule.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from coopnet.core.api.pagination import ApiPagination
from coopnet.core.models import Principle

from ..joining import selectors
from ..models import Application, ApplicationAssessment, Organisation


class ReviewsApplications(BasePermission):
    """Network admins may read applications; everyone else is refused (403); nobody writes."""

    message = _("Only the network's staff may see applications to join.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return bool(request.user and request.user.has_perm("members.review_applications"))


class AssessmentSerializer(serializers.ModelSerializer[ApplicationAssessment]):
    principle: serializers.SlugRelatedField[Principle] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    principle_name = serializers.CharField(source="principle.name", read_only=True)
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)

    class Meta:
        model = ApplicationAssessment
        fields = ["principle", "principle_name", "rating", "rating_label", "statement"]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer[Application]):
    name = serializers.CharField(source="display_name", read_only=True)
    category = serializers.CharField(source="category.code", read_only=True, allow_null=True)
    local_authority = serializers.CharField(
        source="local_authority_id", read_only=True, allow_null=True
    )
    area_authority = serializers.CharField(
        source="area_authority_id", read_only=True, allow_null=True
    )
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    assessments = AssessmentSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "name",
            "applicant_type",
            "status",
            "category",
            "applicant_name",
            "applicant_email",
            "applicant_job_title",
            "local_authority",
            "area_authority",
            "organisation_name",
            "website",
            "invoice_name",
            "invoice_email",
            "purchase_order",
            "voting_name",
            "voting_email",
            "submitted_at",
            "decided_on",
            "decision_reason",
            "organisation",
            "assessments",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary=_("Applications to join (staff)"),
        description=_(
            "Applications sent to the network, oldest first, with their self-assessment. Filter "
            "with ?status=submitted|more_information|approved|declined. Network admins only."
        ),
    ),
    retrieve=extend_schema(summary=_("One application to join (staff)")),
)
class ApplicationViewSet(viewsets.ReadOnlyModelViewSet[Application]):
    serializer_class = ApplicationSerializer
    pagination_class = ApiPagination
    permission_classes = [ReviewsApplications]
    filterset_class = None

    def get_queryset(self) -> QuerySet[Application]:
        status = self.request.query_params.get("status", "")
        if status not in Application.Status.values:
            status = ""
        return selectors.queue(status).prefetch_related("assessments__principle")
