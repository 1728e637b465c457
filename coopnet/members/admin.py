"""The back office (/back-office/) for the registry. Saving a membership here obeys the same rules
as the services and imports (rules_of_membership.period_errors); the Organisation and Membership
changelists carry Import and Export CSV (importing/admin_views.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from coopnet.core.periods import current_on_q

from .admin_writes import MembershipWritesThroughService
from .exporting import write_budgets, write_memberships, write_organisations
from .importing import budgets as budget_import
from .importing import memberships as membership_import
from .importing import organisations as organisation_import
from .importing.admin_views import RegistryCsvAdminMixin
from .models import (
    CouncilBudget,
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from .rules_of_membership import period_errors

NATIONS = (
    ("England", _("England")),
    ("Scotland", _("Scotland")),
    ("Wales", _("Wales")),
    ("Northern Ireland", _("Northern Ireland")),
)


class NationFilter(admin.SimpleListFilter):
    """Nation of the council itself, or of the council area for everything else."""

    title = _("nation")
    parameter_name = "nation"
    path = ""

    def lookups(self, request: HttpRequest, model_admin: Any) -> Any:
        return NATIONS

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        council = {f"{self.path}local_authority__nation": self.value()}
        area = {f"{self.path}area_authority__nation": self.value()}
        return queryset.filter(Q(**council) | Q(**area))


class MembershipNationFilter(NationFilter):
    path = "organisation__"


class MembershipStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> Any:
        return (("current", _("Current")), ("ended", _("Ended")), ("future", _("Not yet started")))

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        today = timezone.localdate()
        return {
            "current": lambda: queryset.filter(current_on_q(today)),
            "ended": lambda: queryset.filter(end__lt=today),
            "future": lambda: queryset.filter(start__gt=today),
        }.get(self.value() or "", lambda: queryset)()


class OrganisationMembershipFilter(admin.SimpleListFilter):
    title = _("membership")
    parameter_name = "membership"

    def lookups(self, request: HttpRequest, model_admin: Any) -> Any:
        return (
            ("current", _("Current member")),
            ("ended", _("Former member")),
            ("never", _("Never")),
        )

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        held = Membership.objects.filter(organisation=OuterRef("pk"))
        current = Exists(held.filter(current_on_q(timezone.localdate())))
        return {
            "current": lambda: queryset.filter(current),
            "ended": lambda: queryset.filter(Exists(held), ~current),
            "never": lambda: queryset.filter(~Exists(held)),
        }.get(self.value() or "", lambda: queryset)()


def _holder_kind(organisation: Organisation | None) -> str | None:
    return organisation.kind if organisation is not None else None


class MembershipAdminForm(forms.ModelForm):
    """The registry's rules, as form errors: category allowed for the holder, no overlap."""

    class Meta:
        model = Membership
        fields = (
            "organisation",
            "person",
            "category",
            "start",
            "end",
            "end_reason",
            "source",
            "start_is_approximate",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation, person = data.get("organisation"), data.get("person")
        category, start, end = data.get("category"), data.get("start"), data.get("end")
        holder = organisation or person
        if holder is None or (organisation and person) or category is None or start is None:
            return data  # the field errors and the model's constraints say what is wrong
        if end is not None and end < start:
            return data
        others = holder.memberships.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        errors = period_errors(
            category=category,
            holder_kind=_holder_kind(organisation),
            start=start,
            end=end,
            other_periods=list(others.values_list("start", "end")),
        )
        if errors:
            raise ValidationError(errors)
        return data


class MembershipInlineFormSet(BaseInlineFormSet):
    """Every period on the page checked against the others and the organisation's kind."""

    def clean(self) -> None:
        super().clean()
        kind = self.instance.kind
        if kind not in OrganisationKind.values:
            return  # the organisation form reports the missing kind
        periods = [
            (f, f.cleaned_data["category"], f.cleaned_data["start"], f.cleaned_data.get("end"))
            for f in self.forms
            if f.is_valid()
            and f.cleaned_data.get("category")
            and f.cleaned_data.get("start")
            and not (self.can_delete and f.cleaned_data.get("DELETE"))
        ]
        for form, category, start, end in periods:
            if end is not None and end < start:
                continue  # the model's constraint has said so
            others = [(s, e) for f, _c, s, e in periods if f is not form]
            for message in period_errors(
                category=category, holder_kind=kind, start=start, end=end, other_periods=others
            ):
                form.add_error(None, message)


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipInlineFormSet
    fields = ("category", "start", "end", "end_reason", "source", "start_is_approximate")
    extra = 0
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return super().get_queryset(request).select_related("category")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _manages(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _manages(request)


class RoleInline(admin.TabularInline):
    model = Role
    fields = ("person", "kind", "title", "start", "end", "manages_profile")
    autocomplete_fields = ("person",)
    extra = 0

    def get_queryset(self, request: HttpRequest) -> QuerySet[Role]:
        return super().get_queryset(request).select_related("person", "organisation")


class OrganisationRoleInline(RoleInline):
    fk_name = "organisation"


class PersonRoleInline(RoleInline):
    fk_name = "person"
    fields = ("organisation", "kind", "title", "start", "end", "manages_profile")
    autocomplete_fields = ("organisation",)


class OrganisationAdminForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"), max_length=200, required=False, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = (
            "name",
            "slug",
            "kind",
            "local_authority",
            "area_authority",
            "description",
            "website",
            "email",
            "phone",
            "address",
            "registered_id",
            "is_public",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind"):
            authority = data.get("local_authority")
            for message in organisation_import.authority_errors(data["kind"], authority):
                self.add_error("local_authority", message)
        return data


def _manages(request: HttpRequest) -> bool:
    return request.user.has_perm("members.manage_registry")


@admin.register(Organisation)
class OrganisationAdmin(MembershipWritesThroughService, RegistryCsvAdminMixin, SimpleHistoryAdmin):
    importer = staticmethod(organisation_import.organisations_import)
    exporter = staticmethod(write_organisations)
    columns = organisation_import.COLUMNS
    required_columns = organisation_import.REQUIRED
    form = OrganisationAdminForm
    list_display = ("name", "kind", "la_code", "nation", "current_category", "is_public")
    list_filter = ("kind", NationFilter, OrganisationMembershipFilter, "is_public")
    list_select_related = ("local_authority", "area_authority")
    search_fields = ("name", "slug", "local_authority__code", "registered_id")
    autocomplete_fields = ("local_authority", "area_authority")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (MembershipInline, OrganisationRoleInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "local_authority", "area_authority")}),
        (
            _("Profile"),
            {"fields": ("description", "website", "email", "phone", "address", "registered_id")},
        ),
        (_("Publication"), {"fields": ("is_public",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        current = Membership.objects.filter(
            current_on_q(timezone.localdate()), organisation=OuterRef("pk")
        ).order_by("-start")
        return (
            super()
            .get_queryset(request)
            .annotate(current_category=Subquery(current.values("category__name")[:1]))
        )

    @admin.display(description=_("local authority code"), ordering="local_authority__code")
    def la_code(self, obj: Organisation) -> str:
        return obj.local_authority_id or ""

    @admin.display(description=_("nation"))
    def nation(self, obj: Organisation) -> str:
        return obj.nation

    @admin.display(description=_("current category"), ordering="current_category")
    def current_category(self, obj: Organisation) -> str:
        return getattr(obj, "current_category", None) or "—"


@admin.register(Membership)
class MembershipAdmin(MembershipWritesThroughService, RegistryCsvAdminMixin, SimpleHistoryAdmin):
    importer = staticmethod(membership_import.memberships_import)
    exporter = staticmethod(write_memberships)
    columns = membership_import.COLUMNS
    required_columns = membership_import.REQUIRED
    form = MembershipAdminForm
    list_display = ("holder_name", "category", "start", "end", "is_current", "source")
    list_filter = ("category", MembershipStatusFilter, MembershipNationFilter)
    list_select_related = ("category", "organisation", "person")
    search_fields = ("organisation__name", "organisation__slug", "person__full_name", "source")
    date_hierarchy = "start"
    autocomplete_fields = ("organisation", "person")
    # Given through the leaving service; staff read them here (the public page shows neither).
    readonly_fields = ("notice_given_on", "notice_reason")

    @admin.display(description=_("member"), ordering="organisation__name")
    def holder_name(self, obj: Membership) -> str:
        return str(obj.holder or "")

    @admin.display(description=_("current"), boolean=True)
    def is_current(self, obj: Membership) -> bool:
        return obj.is_current_on(timezone.localdate())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and _manages(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _manages(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _manages(request)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "honorific", "email", "is_public", "consent_to_contact")
    list_filter = ("is_public", "consent_to_contact")
    search_fields = ("full_name", "slug", "email")
    prepopulated_fields = {"slug": ("full_name",)}
    readonly_fields = ("user", "consent_recorded_at")
    inlines = (PersonRoleInline,)


@admin.register(Role)
class RoleAdmin(SimpleHistoryAdmin):
    list_display = ("person", "organisation", "kind", "title", "start", "end", "manages_profile")
    list_filter = ("kind", "manages_profile")
    list_select_related = ("person", "organisation")
    search_fields = ("person__full_name", "organisation__name", "title")
    autocomplete_fields = ("person", "organisation")


@admin.register(CouncilBudget)
class CouncilBudgetAdmin(RegistryCsvAdminMixin, SimpleHistoryAdmin):
    importer = staticmethod(budget_import.budgets_import)
    exporter = staticmethod(write_budgets)
    columns = budget_import.COLUMNS
    required_columns = budget_import.REQUIRED
    list_display = ("organisation", "financial_year", "amount", "source")
    list_filter = ("financial_year",)
    list_select_related = ("organisation",)
    search_fields = ("organisation__name",)
    autocomplete_fields = ("organisation",)


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    """The reference table is loaded from mySociety's data by a migration: read-only here."""

    list_display = ("code", "official_name", "la_type_name", "nation", "region", "population")
    list_filter = ("nation", "la_type_name")
    search_fields = ("code", "official_name", "nice_name", "gss_code")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MembershipCategoryForm(forms.ModelForm):
    allowed_kinds = forms.MultipleChoiceField(
        label=_("organisation kinds that may hold it"),
        choices=OrganisationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = MembershipCategory
        fields = (
            "code",
            "name",
            "description",
            "counts_as_member",
            "allowed_kinds",
            "allows_individuals",
            "order",
        )


@admin.register(MembershipCategory)
class MembershipCategoryAdmin(admin.ModelAdmin):
    form = MembershipCategoryForm
    list_display = ("name", "code", "counts_as_member", "allows_individuals", "order")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("code",) if obj is not None else ()
