"""The back office for learning: the training programmes and the induction steps are edited here
by network admins. Self-assessments, reviews and their actions are written through the services
on the site (privacy and refusals live there), so they are not in the back office."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from coopnet.accounts.permissions import is_network_admin

from .models import InductionStep, Programme


class NetworkAdminsEdit:
    """Network admins may view, add and change; only superusers delete."""

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


@admin.register(Programme)
class ProgrammeAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ("title", "provider", "certified", "audience", "is_active")
    list_filter = ("certified", "audience", "is_active")
    search_fields = ("title", "provider")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(InductionStep)
class InductionStepAdmin(NetworkAdminsEdit, admin.ModelAdmin):
    list_display = ("title", "phase", "owner", "days_to_complete", "order")
    list_filter = ("phase", "owner")
