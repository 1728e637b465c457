"""The network's library: publications (and, built on them, case studies and news)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Publication(models.Model):
    class Kind(models.TextChoices):
        POLICY_LAB_REPORT = "policy_lab_report", _("Policy Lab report")
        TOOLKIT = "toolkit", _("Toolkit")
        CASE_STUDIES_PACK = "case_studies_pack", _("Case studies pack")
        NEWSLETTER = "newsletter", _("Newsletter")
        PAMPHLET = "pamphlet", _("Pamphlet")
        STRATEGY = "strategy", _("Strategy")
        CONSTITUTION = "constitution", _("Constitution")
        BRAND_GUIDELINE = "brand_guideline", _("Brand guideline")
        TEMPLATE_MOTION = "template_motion", _("Template motion")
        GUIDANCE = "guidance", _("Guidance")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    published_on = models.DateField(_("date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return self.title
