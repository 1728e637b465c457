"""Themes case studies and publications are tagged with, and the "Being a Co-operative Council"
actions (loaded by migration knowledge/0003 from coopnet.knowledge.reference)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    is_council_theme = models.BooleanField(
        _("a theme of Being a Co-operative Council"),
        default=False,
        help_text=_("Shown, with its actions, on the Being a Co-operative Council page."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    """Something a council can do under one of the two Being a Co-operative Council themes."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="actions", verbose_name=_("theme")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("action"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("Being a Co-operative Council action")
        verbose_name_plural = _("Being a Co-operative Council actions")
        ordering = ["theme__order", "order"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:case_studies") + f"?action={self.slug}"
