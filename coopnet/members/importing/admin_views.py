"""The back office's Import page (upload, preview, confirm) and CSV export, for one ModelAdmin.

The Import page is for staff with the members.import_registry permission (network admins); anyone
else signed in gets 403. The file is checked and previewed as a dry run first; the preview carries
the file (base64) into the confirm step, which checks every row again before writing.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from .base import IMPORT_PERMISSION, ImportReport
from .csvio import CsvFileError, Writable, read_upload

View = Callable[..., HttpResponse]


def may_import(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm(IMPORT_PERMISSION)
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"), required=False)
    content = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("confirm") and not data.get("content"):
            raise ValidationError(_("The previewed file is missing; upload it again."))
        if not data.get("confirm") and not data.get("file") and not self.has_error("file"):
            self.add_error("file", _("Choose a CSV file to upload."))
        return data

    def file_bytes(self) -> bytes:
        """The uploaded file, or the previewed one being confirmed. Raises CsvFileError."""
        if not self.cleaned_data["confirm"]:
            return read_upload(self.cleaned_data["file"])
        try:
            return base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CsvFileError.about_file(
                _("The previewed file was damaged on the way back; upload it again.")
            ) from exc


class RegistryCsvAdminMixin(admin.ModelAdmin):
    """Import page and CSV export for a registry ModelAdmin; set importer and exporter."""

    change_list_template = "admin/members/registry_change_list.html"
    import_template = "admin/members/import.html"
    importer: Callable[..., ImportReport]
    exporter: Callable[[Writable, QuerySet[Any]], None]
    required_columns: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    actions = ("export_csv",)

    def get_urls(self) -> list[URLPattern]:
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("import/", self._import_guard(self.import_view), name=f"{name}_import"),
            path("export/", self.admin_site.admin_view(self.export_view), name=f"{name}_export"),
            *super().get_urls(),
        ]

    def _import_guard(self, view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                login = reverse("admin:login", current_app=self.admin_site.name)
                return redirect_to_login(request.get_full_path(), login)
            if not may_import(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return csrf_protect(never_cache(guarded))

    def _changelist_url(self) -> str:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
        return reverse(name, current_app=self.admin_site.name)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), "can_import": may_import(request.user)}
        return super().changelist_view(request, extra_context)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        posted = request.method == "POST"
        form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
        report: ImportReport | None = None
        content = ""
        if posted and form.is_valid():
            confirm = form.cleaned_data["confirm"]
            try:
                data = form.file_bytes()
                report = self.importer(data=data, by=request.user, dry_run=not confirm)
            except CsvFileError as exc:
                report = ImportReport(dry_run=not confirm, errors=exc.errors)
            if report.written:
                messages.success(request, report.summary())
                return HttpResponseRedirect(self._changelist_url())
            if report.ok:
                content = base64.b64encode(data).decode("ascii")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import %(name)s") % {"name": self.opts.verbose_name_plural},
            "form": form,
            "report": report,
            "content": content,
            "columns": [(c, c in self.required_columns) for c in self.columns],
            "changelist_url": self._changelist_url(),
        }
        return TemplateResponse(request, self.import_template, context)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """Everything the changelist shows with its current filters and search, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(self._changelist_url() + "?e=1")
        return self.csv_response(queryset)

    @admin.action(description=gettext_lazy("Export the selected rows as CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse:
        return self.csv_response(queryset)

    def csv_response(self, queryset: QuerySet[Any]) -> HttpResponse:
        name = f"{self.opts.model_name}s-{timezone.localdate().isoformat()}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response.write("\ufeff")  # a byte order mark, so spreadsheets read the file as UTF-8
        self.exporter(response, queryset)
        return response
