"""The search index: one row per findable thing, fed from the registry (see registry.py).

The full-text part lives beside these tables and is engine-specific (migration core/0005): an
FTS5 table kept in step by triggers on SQLite, a trigger-maintained `tsvector` column with a GIN
index on PostgreSQL.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("type"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "core"
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_entry_per_object"
            )
        ]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["-date", "-id"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchFacet(models.Model):
    """One facet value of an entry: ("type", kind), ("principle", slug), ("year", "2024") ..."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        app_label = "core"
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="one_facet_value")
        ]
        # Filtering walks (name, value) -> entry; counting walks entry -> (name, value).
        indexes = [models.Index(fields=["name", "value", "entry"])]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
