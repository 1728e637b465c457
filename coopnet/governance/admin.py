"""The back office for governance: the composition of each body (its seats) and its quorum.

Appointments, meetings and minutes are managed on the governance pages, through the services
that apply their rules; here the network admin edits the composition, which is data. Access
follows the `governance.manage_governance` rule rather than model permissions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from coopnet.core.audit import audit_record

from .models import Body, Constituency, Seat

MANAGE = "governance.manage_governance"


class GovernanceAdminPermissions:
    """Network admins view, add and change; nobody but a superuser deletes."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(MANAGE)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(MANAGE)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and getattr(request.user, "is_superuser", False))


class SeatForm(forms.ModelForm):
    class Meta:
        model = Seat
        fields = [
            "name",
            "constituency",
            "office",
            "places",
            "order",
            "ex_officio_of",
            "reserved_for",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("office") and data.get("places") != 1:
            self.add_error("places", _("An office is held by one person at a time."))
        constituency = data.get("constituency")
        if (constituency == Constituency.EX_OFFICIO) != bool(data.get("ex_officio_of")):
            self.add_error(
                "ex_officio_of",
                _("An ex officio seat, and only an ex officio seat, names the seat it follows."),
            )
        if (constituency == Constituency.ACCOUNTABLE_BODY) != bool(data.get("reserved_for")):
            self.add_error(
                "reserved_for",
                _("The Accountable Body's seat, and only that seat, names its organisation."),
            )
        return data


class SeatInline(GovernanceAdminPermissions, admin.TabularInline):
    model = Seat
    form = SeatForm
    fk_name = "body"
    extra = 0
    autocomplete_fields = ("reserved_for",)


@admin.register(Body)
class BodyAdmin(GovernanceAdminPermissions, SimpleHistoryAdmin):
    list_display = ("name", "short_name", "quorum", "term_years", "order")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "short_name", "slug", "purpose", "quorum", "term_years", "order")
    inlines = (SeatInline,)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The composition is data, changed here: the audit trail records who changed it (the
        admin's change view runs in one transaction, so the entry lands with the change)."""
        super().save_related(request, form, formsets, change)
        changed = list(form.changed_data) + [
            str(f.model._meta.verbose_name_plural) for f in formsets if f.has_changed()
        ]
        audit_record(
            by=request.user,
            action="body.changed" if change else "body.created",
            target=form.instance,
            summary=f"{form.instance}: {', '.join(changed) or 'saved'}",
        )
