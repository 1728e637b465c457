"""The back office's name, and the network-wide records: principles and reported figures."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Principle, ReportedFigure

admin.site.site_header = _("%(network)s back office") % {"network": settings.NETWORK_SHORT_NAME}
admin.site.site_title = _("Back office")
admin.site.index_title = _("Records")


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
