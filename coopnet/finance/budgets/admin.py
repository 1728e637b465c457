"""The back office for budgets: finance staff and network admins may look (with history); every
change goes through the budget pages, whose services keep the rules (carry forward computed, the
projection consistent, amounts never negative)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Budget, BudgetLine, ExpenditureEntry, ProjectionAssumption


class ReadOnlyBudgetAdmin(SimpleHistoryAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("budgets.manage_budgets")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("budgets.manage_budgets")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    fields = ("position", "kind", "code", "name", "amount", "to_be_confirmed")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("budgets.manage_budgets")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Budget)
class BudgetAdmin(ReadOnlyBudgetAdmin):
    list_display = ("label", "reserve", "opening_balance", "projection_to")
    inlines = [BudgetLineInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(ReadOnlyBudgetAdmin):
    list_display = ("name", "budget", "kind", "code", "amount", "to_be_confirmed")
    list_filter = ("budget", "kind", "code")
    list_select_related = ("budget",)


@admin.register(ProjectionAssumption)
class ProjectionAssumptionAdmin(ReadOnlyBudgetAdmin):
    list_display = ("budget", "kind", "line", "count", "fee", "rate")
    list_select_related = ("budget", "line")


@admin.register(ExpenditureEntry)
class ExpenditureEntryAdmin(ReadOnlyBudgetAdmin):
    list_display = ("spent_on", "line", "description", "amount", "reference")
    list_select_related = ("line", "line__budget")
    date_hierarchy = "spent_on"
