"""The back office for the arrangement's set-up: arrangements, their categories and notices, and
the rules of each regime (held as data). Network admins view, add and change; deleting is for
superusers. Applications, admissions, call-offs and tenders are not here: they change only
through the services (with their clocks, audit and messages), and tenders stay sealed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from coopnet.accounts.permissions import is_network_admin

from .models import Arrangement, Category, Notice, RegimeRules


class NetworkAdminsEdit:
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_network_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


@admin.register(Arrangement)
class ArrangementAdmin(NetworkAdminsEdit, SimpleHistoryAdmin):
    list_display = ["name", "regime", "start", "end"]
    list_filter = ["regime"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ["name", "arrangement", "questions_version", "order"]
    list_filter = ["arrangement"]
    search_fields = ["name"]


@admin.register(Notice)
class NoticeAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ["title", "reference", "published_on", "arrangement"]
    list_filter = ["arrangement"]


@admin.register(RegimeRules)
class RegimeRulesAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = [
        "regime",
        "decision_working_days",
        "extended_decision_working_days",
        "minimum_tender_days",
        "standstill_working_days",
    ]
