"""Invoices in API v1: a member's own organisations' invoices, or every invoice for finance staff.

Read-only: invoices are raised, paid and credited on the site, where the services check every rule.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from coopnet.core.api.pagination import ApiPagination

from . import selectors
from .models import Invoice


class SeesInvoices(BasePermission):
    """Signed-in users read the invoices they may see; anyone else is refused; nobody writes."""

    message = _("Sign in to see your organisation's invoices.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        self.message = _("This invoice is not one of yours.")
        return bool(request.user.has_perm("finance.view_invoice", obj))


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    number = serializers.CharField(source="reference", read_only=True)
    organisation: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    category = serializers.CharField(source="category.code", read_only=True)
    membership_year = serializers.CharField(source="year_label", read_only=True)
    paid = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    credited = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    outstanding = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    status = serializers.CharField(read_only=True)
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = Invoice
        fields = [
            "number",
            "organisation",
            "bill_to_name",
            "category",
            "membership_year",
            "issued_on",
            "due_on",
            "description",
            "purchase_order",
            "net_amount",
            "vat_rate",
            "vat_amount",
            "total",
            "paid",
            "credited",
            "outstanding",
            "status",
            "pdf",
        ]
        read_only_fields = fields

    def get_pdf(self, obj: Invoice) -> str:
        path = reverse("finance:invoice_pdf", args=[obj.reference])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


@extend_schema_view(
    list=extend_schema(
        summary=_("Invoices"),
        description=_(
            "Membership invoices with what has been paid and credited, and their status (issued, "
            "part_paid, paid, overdue, credited). Members see their own organisations' invoices; "
            "finance staff see all. Filter with ?year=2024 and ?status=overdue."
        ),
    ),
    retrieve=extend_schema(summary=_("One invoice")),
)
class InvoiceViewSet(viewsets.ReadOnlyModelViewSet[Invoice]):
    serializer_class = InvoiceSerializer
    pagination_class = ApiPagination
    permission_classes = [SeesInvoices]
    lookup_field = "reference"
    lookup_url_kwarg = "number"
    filterset_class = None

    def get_queryset(self) -> QuerySet[Invoice]:
        user = self.request.user
        if self.action == "retrieve" or user.has_perm("finance.manage"):
            qs = selectors.invoices_with_balances()
        else:
            qs = selectors.invoices_for_user(user)
        params = self.request.query_params
        if params.get("year", "").isdigit():
            qs = qs.filter(year=int(params["year"]))
        if params.get("status") in selectors.STATUS_LABELS:
            qs = qs.filter(Q(status=params["status"]))
        return qs
