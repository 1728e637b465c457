"""Procurement in the read-only API.

Public: the arrangements (regime, rules, categories, notices) and the suppliers admitted as at
any date. Private: the evaluation queue with its clocks (network staff), one's own supplier
applications with their decisions, and the call-offs one buys for or is invited to. A tender's
content is never in the API: it is read on the site, once the tenders are opened.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from coopnet.core.api.fields import IsoDateField, as_of_or_today
from coopnet.core.api.pagination import ApiPagination
from coopnet.core.api.permissions import PublicReadOnly

from . import selectors
from .models import (
    Arrangement,
    CallOff,
    Category,
    CategoryDecision,
    Notice,
    RegimeRules,
    SupplierApplication,
)

# --- who may call ---------------------------------------------------------------------------


class _ReadOnly(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        if not (request.user and request.user.is_authenticated):
            return False  # DRF answers "not signed in" (403 with the session)
        return self.allowed(request)

    def allowed(self, request: Request) -> bool:
        return True


class SignedIn(_ReadOnly):
    """Signed-in people read their own records; anyone else is refused; nobody writes."""

    message = _("Sign in to see your procurement records.")


class RunsTheArrangement(_ReadOnly):
    """Only network admins see the evaluation queue."""

    message = _("Only the network's staff may see the evaluation queue.")

    def allowed(self, request: Request) -> bool:
        return bool(request.user.has_perm("procurement.manage"))


# --- serializers ----------------------------------------------------------------------------


class RegimeRulesSerializer(serializers.ModelSerializer[RegimeRules]):
    class Meta:
        model = RegimeRules
        fields = [
            "decision_working_days",
            "extended_decision_working_days",
            "minimum_tender_days",
            "standstill_working_days",
            "is_dynamic",
            "source",
        ]


class ProcurementCategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["slug", "name", "description", "questions_version", "questions"]


class ProcurementNoticeSerializer(serializers.ModelSerializer[Notice]):
    class Meta:
        model = Notice
        fields = ["title", "reference", "published_on", "url"]


class ArrangementSerializer(serializers.ModelSerializer[Arrangement]):
    regime_label = serializers.CharField(source="get_regime_display", read_only=True)
    rules = serializers.SerializerMethodField()
    categories = ProcurementCategorySerializer(many=True, read_only=True)
    notices = ProcurementNoticeSerializer(many=True, read_only=True)
    user_guide = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Arrangement
        fields = [
            "slug",
            "name",
            "regime",
            "regime_label",
            "description",
            "start",
            "end",
            "eligible_buyer_categories",
            "network_may_buy",
            "rules",
            "categories",
            "notices",
            "user_guide",
            "url",
        ]

    @extend_schema_field(RegimeRulesSerializer(allow_null=True))
    def get_rules(self, obj: Arrangement) -> dict[str, Any] | None:
        rules = self.context.get("rules", {}).get(obj.regime)
        return RegimeRulesSerializer(rules).data if rules is not None else None

    def get_user_guide(self, obj: Arrangement) -> str:  # the file's or the page's address
        if obj.user_guide:
            return _absolute(self.context, obj.user_guide.url)
        return obj.user_guide_url

    def get_url(self, obj: Arrangement) -> str:
        return _absolute(self.context, obj.get_absolute_url())


def _absolute(context: Mapping[str, Any], path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


class SuppliersAsAtQuerySerializer(serializers.Serializer[dict[str, Any]]):
    on = IsoDateField(
        required=False,
        help_text=_("The suppliers admitted on this date (YYYY-MM-DD); default today."),
    )


class SupplierAdmissionSerializer(serializers.Serializer[Any]):
    category = serializers.CharField(source="category.slug")
    category_name = serializers.CharField(source="category.name")
    admitted_from = serializers.DateField(source="start")
    admitted_from_is_approximate = serializers.BooleanField(source="start_is_approximate")
    admitted_until = serializers.DateField(source="end", allow_null=True)


class AdmittedSupplierSerializer(serializers.Serializer[Any]):
    supplier = serializers.CharField(source="organisation.slug")
    name = serializers.CharField(source="organisation.name")
    categories = SupplierAdmissionSerializer(source="admissions", many=True)


class SupplierDecisionSerializer(serializers.ModelSerializer[CategoryDecision]):
    category = serializers.CharField(source="category.slug", read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    outcome_label = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = CategoryDecision
        fields = ["category", "category_name", "outcome", "outcome_label", "reasons", "decided_on"]


class SupplierApplicationSerializer(serializers.ModelSerializer[SupplierApplication]):
    arrangement = serializers.CharField(source="arrangement.slug", read_only=True)
    organisation = serializers.CharField(source="organisation.slug", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    decisions = SupplierDecisionSerializer(many=True, read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=_("submitted (awaiting a decision) or decided.")
    )

    class Meta:
        model = SupplierApplication
        fields = [
            "id",
            "arrangement",
            "organisation",
            "organisation_name",
            "received_on",
            "status",
            "decisions",
        ]


class QueuedSupplierApplicationSerializer(SupplierApplicationSerializer):
    due_on = serializers.DateField(read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    extension_reason = serializers.CharField(read_only=True)

    class Meta(SupplierApplicationSerializer.Meta):
        fields = [
            *SupplierApplicationSerializer.Meta.fields,
            "due_on",
            "is_overdue",
            "extension_reason",
        ]


class CallOffSerializer(serializers.ModelSerializer[CallOff]):
    arrangement = serializers.CharField(source="arrangement.slug", read_only=True)
    category = serializers.CharField(source="category.slug", read_only=True)
    buyer = serializers.CharField(source="buyer_name", read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=_("draft, issued (open for tenders), opened or awarded.")
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = CallOff
        fields = [
            "id",
            "title",
            "arrangement",
            "category",
            "buyer",
            "status",
            "status_label",
            "issued_on",
            "tender_deadline",
            "url",
        ]

    def get_url(self, obj: CallOff) -> str:
        return _absolute(self.context, obj.get_absolute_url())


# --- views ----------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary=_("Purchasing arrangements"),
        description=_(
            "Dynamic purchasing systems, dynamic markets and open frameworks run by the network, "
            "newest first, with the rules of their regime, their categories and notices."
        ),
    ),
    retrieve=extend_schema(summary=_("One purchasing arrangement")),
)
class ArrangementViewSet(viewsets.ReadOnlyModelViewSet[Arrangement]):
    serializer_class = ArrangementSerializer
    permission_classes = [PublicReadOnly]
    pagination_class = ApiPagination
    filterset_class = None
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Arrangement]:
        return selectors.arrangements_for_api()

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "rules": selectors.rules_by_regime()}

    @extend_schema(
        summary=_("The suppliers admitted as at a date"),
        description=_(
            "One row per supplier admitted on `on` (default today), with the categories it is "
            "admitted in then. An approximate admission date is marked so."
        ),
        parameters=[SuppliersAsAtQuerySerializer],
        responses=AdmittedSupplierSerializer(many=True),
    )
    @action(detail=True, url_path="suppliers", pagination_class=ApiPagination)
    def suppliers(self, request: Request, slug: str = "") -> Response:
        query = SuppliersAsAtQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            arrangement = Arrangement.objects.get(slug=slug)
        except Arrangement.DoesNotExist as exc:
            raise Http404 from exc
        on = as_of_or_today(query.validated_data.get("on"))
        # The page of suppliers is cut in the database; then their admissions, in one query.
        page = self.paginate_queryset(selectors.admitted_supplier_names(arrangement, on)) or []
        rows = selectors.supplier_rows(arrangement, on, [r["organisation_id"] for r in page])
        return self.get_paginated_response(AdmittedSupplierSerializer(rows, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Supplier applications awaiting a decision"),
        description=_(
            "For the network's staff: applications awaiting a decision, oldest first, each with "
            "the day its decision is due and whether it is overdue."
        ),
    )
)
class EvaluationQueueViewSet(viewsets.GenericViewSet[SupplierApplication]):
    serializer_class = QueuedSupplierApplicationSerializer
    permission_classes = [RunsTheArrangement]
    pagination_class = ApiPagination
    filterset_class = None
    queryset = SupplierApplication.objects.none()

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(selectors.evaluation_queue())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Your supplier applications"),
        description=_(
            "The applications of the organisations you manage, newest first, with the decision "
            "and its reasons for each category."
        ),
    )
)
class MySupplierApplicationViewSet(viewsets.GenericViewSet[SupplierApplication]):
    serializer_class = SupplierApplicationSerializer
    permission_classes = [SignedIn]
    pagination_class = ApiPagination
    filterset_class = None

    def get_queryset(self) -> QuerySet[SupplierApplication]:
        return selectors.applications_of(self.request.user).prefetch_related(
            Prefetch("decisions", queryset=CategoryDecision.objects.select_related("category"))
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary=_("Your call-offs"),
        description=_(
            "Call-offs your organisations buy, or to which they are invited (every call-off for "
            "the network's staff). Tenders are never in the API."
        ),
    )
)
class MyCallOffViewSet(viewsets.GenericViewSet[CallOff]):
    serializer_class = CallOffSerializer
    permission_classes = [SignedIn]
    pagination_class = ApiPagination
    filterset_class = None

    def get_queryset(self) -> QuerySet[CallOff]:
        return selectors.call_offs_of(self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
