"""The back office's name, and the network-wide records: principles and reported figures."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Principle, RecordCoverage, ReportedFigure

admin.site.site_header = format_lazy(
    _("{network} back office"), network=settings.NETWORK_SHORT_NAME
)
admin.site.site_title = _("Back office")
admin.site.index_title = _("Records")


def back_office_sign_in(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """The back office has no sign-in page of its own: staff sign in (with two-step
    verification) through the site's sign-in, and signed-in non-staff are refused."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    target = target or reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(target, login_url=reverse("account_login"))
    if not request.user.is_staff:
        raise PermissionDenied
    return redirect(target)


admin.site.login = back_office_sign_in  # type: ignore[method-assign]


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ("name", "family", "icon", "order")
    list_filter = ("family",)
    search_fields = ("name", "slug", "summary")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("family", "order")


@admin.register(ReportedFigure)
class ReportedFigureAdmin(admin.ModelAdmin):
    """Figures the network published that the registry cannot compute, with their sources."""

    list_display = ("key", "as_of", "qualifier", "value", "source")
    list_filter = ("key",)
    search_fields = ("key", "source", "note")
    date_hierarchy = "as_of"


@admin.register(RecordCoverage)
class RecordCoverageAdmin(admin.ModelAdmin):
    """From which date each measure's records are complete (before it, published figures show)."""

    list_display = ("key", "complete_from", "note")
    search_fields = ("key", "note")
