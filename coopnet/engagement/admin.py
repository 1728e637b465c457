"""The back office for groups: network admins set up groups (who may join, coordinators, the chat
link, the rules of engagement) and read memberships and the newsletter's subscribers with their
consent. Joining, discussions, moderation and sending happen on the site, through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from coopnet.accounts.permissions import is_network_admin

from .models import Group, GroupMembership, Subscriber


class NetworkAdminsView:
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_network_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


class NetworkAdminsEdit(NetworkAdminsView):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_network_admin(request.user)


@admin.register(Group)
class GroupAdmin(NetworkAdminsEdit, SimpleHistoryAdmin):
    list_display = ("name", "kind", "join_policy", "rules_version", "is_listed")
    list_filter = ("kind", "join_policy", "is_listed")
    search_fields = ("name", "purpose")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("coordinators", "eligible_categories")
    autocomplete_fields = ("chair",)
    readonly_fields = ("rules_version",)

    def save_model(self, request: HttpRequest, obj: Group, form: Any, change: bool) -> None:
        # Changed rules are a new version: members accepted the old one, with its number.
        if change and "rules_text" in form.changed_data:
            obj.rules_version = Group.objects.get(pk=obj.pk).rules_version + 1
        super().save_model(request, obj, form, change)


@admin.register(GroupMembership)
class GroupMembershipAdmin(NetworkAdminsView, SimpleHistoryAdmin):
    list_display = ("person", "group", "status", "start", "end", "rules_version_accepted")
    list_filter = ("group", "status")
    search_fields = ("person__full_name", "group__name")
    list_select_related = ("person", "group")


@admin.register(Subscriber)
class SubscriberAdmin(NetworkAdminsView, SimpleHistoryAdmin):
    list_display = ("email", "status", "origin", "consent_at", "confirmed_at")
    list_filter = ("status", "origin")
    search_fields = ("email", "name")
