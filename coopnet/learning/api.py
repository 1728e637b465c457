"""Learning in API v1, read-only: programmes and the framework for anyone; self-assessments and
peer reviews only as far as the site's own permissions allow (another council's private
assessment or report is never listed and answers 404).

Writes happen on the site, where the services check every rule.
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
from coopnet.core.api.permissions import PublicReadOnly

from . import selectors
from .models import (
    ActionAnswer,
    ChecklistItem,
    Criterion,
    Finding,
    Framework,
    Level,
    PeerReview,
    Programme,
    Rating,
    Recommendation,
    SelfAssessment,
)


class SignedInReadOnly(BasePermission):
    """Signed-in users may read what their permissions show them; visitors get 403; nobody
    writes (405)."""

    message = _("Sign in to see self-assessments.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return bool(request.user and request.user.is_authenticated)


class LearningProgrammeSerializer(serializers.ModelSerializer[Programme]):
    class Meta:
        model = Programme
        fields = [
            "slug",
            "title",
            "provider",
            "platform",
            "certified",
            "link",
            "audience",
            "duration",
            "summary",
        ]
        read_only_fields = fields


class LearningLevelSerializer(serializers.ModelSerializer[Level]):
    class Meta:
        model = Level
        fields = ["score", "name", "description"]
        read_only_fields = fields


class LearningCriterionSerializer(serializers.ModelSerializer[Criterion]):
    principle = serializers.CharField(source="principle.slug", read_only=True)
    levels = LearningLevelSerializer(many=True, read_only=True)

    class Meta:
        model = Criterion
        fields = ["id", "principle", "title", "guidance", "levels"]
        read_only_fields = fields


class LearningActionSerializer(serializers.ModelSerializer[ChecklistItem]):
    class Meta:
        model = ChecklistItem
        fields = ["slug", "group", "title", "guidance"]
        read_only_fields = fields


class LearningFrameworkSerializer(serializers.ModelSerializer[Framework]):
    criteria = LearningCriterionSerializer(many=True, read_only=True)
    actions = LearningActionSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = [
            "version",
            "title",
            "introduction",
            "published_on",
            "is_current",
            "criteria",
            "actions",
        ]
        read_only_fields = fields


class LearningRatingSerializer(serializers.ModelSerializer[Rating]):
    criterion = serializers.IntegerField(source="criterion_id", read_only=True)
    principle = serializers.CharField(source="criterion.principle.slug", read_only=True)

    class Meta:
        model = Rating
        fields = ["criterion", "principle", "score", "evidence"]
        read_only_fields = fields


class LearningActionAnswerSerializer(serializers.ModelSerializer[ActionAnswer]):
    action = serializers.CharField(source="item.slug", read_only=True)

    class Meta:
        model = ActionAnswer
        fields = ["action", "status", "evidence"]
        read_only_fields = fields


class LearningAssessmentSerializer(serializers.ModelSerializer[SelfAssessment]):
    organisation = serializers.CharField(source="organisation.slug", read_only=True)
    framework_version = serializers.IntegerField(source="framework.version", read_only=True)
    ratings = LearningRatingSerializer(many=True, read_only=True)
    actions = LearningActionAnswerSerializer(source="action_answers", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = SelfAssessment
        fields = [
            "id",
            "organisation",
            "framework_version",
            "status",
            "summary",
            "started_on",
            "submitted_on",
            "ratings",
            "actions",
            "url",
        ]
        read_only_fields = fields


class LearningFindingSerializer(serializers.ModelSerializer[Finding]):
    principle = serializers.CharField(source="principle.slug", read_only=True)

    class Meta:
        model = Finding
        fields = ["principle", "findings"]
        read_only_fields = fields


class LearningRecommendationSerializer(serializers.ModelSerializer[Recommendation]):
    principle = serializers.CharField(source="principle.slug", read_only=True)

    class Meta:
        model = Recommendation
        fields = ["id", "principle", "text", "due_on", "completed_on"]
        read_only_fields = fields


class LearningReviewSerializer(serializers.ModelSerializer[PeerReview]):
    organisation = serializers.CharField(source="organisation.slug", read_only=True)
    reviewer_count = serializers.IntegerField(read_only=True)
    findings = LearningFindingSerializer(many=True, read_only=True)
    recommendations = LearningRecommendationSerializer(many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = PeerReview
        fields = [
            "id",
            "organisation",
            "status",
            "set_up_on",
            "agreed_on",
            "decided_on",
            "summary",
            "reviewer_count",
            "findings",
            "recommendations",
            "url",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary=_("Training programmes"), description=_("Programmes offered now.")),
    retrieve=extend_schema(summary=_("One training programme")),
)
class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet[Programme]):
    serializer_class = LearningProgrammeSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Programme]:
        return selectors.programmes()


@extend_schema_view(
    list=extend_schema(
        summary=_("Self-assessment frameworks"),
        description=_(
            "Every version of the framework: criteria by principle with their rating levels, and "
            "the Being a Co-operative Council actions."
        ),
    ),
    retrieve=extend_schema(summary=_("One version of the framework")),
)
class FrameworkViewSet(viewsets.ReadOnlyModelViewSet[Framework]):
    serializer_class = LearningFrameworkSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    lookup_field = "version"

    def get_queryset(self) -> QuerySet[Framework]:
        return selectors.frameworks()


@extend_schema_view(
    list=extend_schema(
        summary=_("Self-assessments you may see"),
        description=_(
            "Your councils' self-assessments, those you were invited to contribute to and those "
            "shared with a peer review you sit on (staff: all). Signed-in users only."
        ),
    ),
    retrieve=extend_schema(summary=_("One self-assessment")),
)
class AssessmentViewSet(viewsets.ReadOnlyModelViewSet[SelfAssessment]):
    serializer_class = LearningAssessmentSerializer
    permission_classes = [SignedInReadOnly]
    pagination_class = ApiPagination

    def get_queryset(self) -> QuerySet[SelfAssessment]:
        return selectors.assessments_visible_to(self.request.user)


@extend_schema_view(
    list=extend_schema(
        summary=_("Peer reviews you may see"),
        description=_(
            "Published reports for anyone; signed in, also the reviews of your councils and those "
            "you sit on (staff: all)."
        ),
    ),
    retrieve=extend_schema(summary=_("One peer review")),
)
class ReviewViewSet(viewsets.ReadOnlyModelViewSet[PeerReview]):
    serializer_class = LearningReviewSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination

    def get_queryset(self) -> QuerySet[PeerReview]:
        return selectors.reviews_visible_to(self.request.user)
