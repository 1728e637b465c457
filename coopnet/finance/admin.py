"""The back office for finance: the fee configuration (schedules, bands, fixed fees) and the
Accountable Body's settings are edited here by finance staff; invoices, runs and purchase orders
are shown read-only, because they are written by the services (numbering, balances, history)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from .forms import MoneyField
from .models import (
    CreditNote,
    FeeBand,
    FeeSchedule,
    FinanceSettings,
    FixedFee,
    Invoice,
    InvoiceRun,
    Payment,
    PurchaseOrder,
)
from .permissions import is_finance_staff
from .services.fees import fee_schedule_audit

# Every money field of the fee configuration is read by the one money parser.
MONEY_FIELDS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.DecimalField: {"form_class": MoneyField}
}


class FinanceStaffEdit:
    """Finance officers and network admins view, add and change; nobody deletes."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(is_finance_staff(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(is_finance_staff(request.user))

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return bool(is_finance_staff(request.user))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(is_finance_staff(request.user))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FinanceStaffView(FinanceStaffEdit):
    """Read-only: the services write these."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FeeBandInline(FinanceStaffEdit, admin.TabularInline):
    model = FeeBand
    extra = 0
    formfield_overrides = MONEY_FIELDS
    fields = (
        "order",
        "name",
        "organisation_kind",
        "la_type",
        "population_from",
        "population_to",
        "amount",
    )


class FixedFeeInline(FinanceStaffEdit, admin.TabularInline):
    model = FixedFee
    extra = 0
    formfield_overrides = MONEY_FIELDS
    autocomplete_fields = ("organisation",)


@admin.register(FeeSchedule)
class FeeScheduleAdmin(FinanceStaffEdit, SimpleHistoryAdmin):
    list_display = ("__str__", "year", "category", "amount", "source")
    list_filter = ("year", "category")
    inlines = (FeeBandInline, FixedFeeInline)
    formfield_overrides = MONEY_FIELDS
    # "Save as new" copies a schedule, its bands and fixed fees to another year.
    save_as = True

    def save_model(
        self, request: HttpRequest, obj: FeeSchedule, form: ModelForm, change: bool
    ) -> None:
        if change and obj.pk:
            saved = FeeSchedule.objects.filter(pk=obj.pk).values_list("amount", flat=True)
            obj._amount_before = str(saved.first())  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        """After the schedule, its bands and fixed fees are saved (in the admin's transaction),
        the audit entry says who set the fee."""
        super().save_related(request, form, formsets, change)
        schedule = form.instance
        fee_schedule_audit(
            schedule=schedule,
            by=request.user,
            created=not change,
            before=getattr(schedule, "_amount_before", None),
        )


@admin.register(FinanceSettings)
class FinanceSettingsAdmin(FinanceStaffEdit, SimpleHistoryAdmin):
    list_display = ("__str__", "body_name", "vat_treatment", "due_days", "first_invoice_rule")
    fieldsets = (
        (None, {"fields": ("body_name", "body_address", "body_email", "body_phone")}),
        (None, {"fields": ("vat_treatment", "vat_rate", "vat_number", "payment_instructions")}),
        (None, {"fields": ("invoice_prefix", "credit_note_prefix", "due_days")}),
        (None, {"fields": ("reminder_days", "lapse_days", "first_invoice_rule")}),
    )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        """One row only. Asked on this model's own pages only, so other admin pages cost nothing."""
        if not super().has_add_permission(request):
            return False
        match = request.resolver_match
        if match and (match.url_name or "").startswith("finance_financesettings_"):
            return not FinanceSettings.objects.exists()
        return True


class PaymentInline(FinanceStaffView, admin.TabularInline):
    model = Payment
    extra = 0
    fields = ("received_on", "amount", "reference", "recorded_by")
    readonly_fields = fields


class CreditNoteInline(FinanceStaffView, admin.TabularInline):
    model = CreditNote
    extra = 0
    fields = ("reference", "issued_on", "amount", "reason", "created_by")
    readonly_fields = fields


@admin.register(Invoice)
class InvoiceAdmin(FinanceStaffView, SimpleHistoryAdmin):
    list_display = ("reference", "bill_to_name", "year", "category", "issued_on", "due_on", "total")
    list_filter = ("year", "category", "kind")
    search_fields = ("reference", "bill_to_name", "purchase_order")
    list_select_related = ("category",)
    inlines = (PaymentInline, CreditNoteInline)

    def view_on_site(self, obj: Invoice) -> str:
        return reverse("finance:invoice_detail", args=[obj.reference])


@admin.register(InvoiceRun)
class InvoiceRunAdmin(FinanceStaffView, admin.ModelAdmin):
    list_display = ("__str__", "year", "issued_on", "invoice_count", "total", "created_by")
    list_select_related = ("created_by",)


@admin.register(PurchaseOrder)
class PurchaseOrderAdmin(FinanceStaffView, SimpleHistoryAdmin):
    list_display = ("organisation", "year", "reference", "updated_at")
    list_filter = ("year",)
    search_fields = ("organisation__name", "reference")
    list_select_related = ("organisation",)
