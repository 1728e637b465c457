"""The purchasing arrangement, the rules of its regime (as data), its categories and notices."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodMixin, PeriodQuerySet


class Regime(models.TextChoices):
    PCR_2015_DPS = "pcr2015_dps", _("Public Contracts Regulations 2015: dynamic purchasing system")
    PA_2023_DYNAMIC_MARKET = "pa2023_dynamic_market", _("Procurement Act 2023: dynamic market")
    PA_2023_OPEN_FRAMEWORK = "pa2023_open_framework", _("Procurement Act 2023: open framework")


class RegimeRules(models.Model):
    """The clocks of one regime, held as data so that a change in the law is a change of data."""

    regime = models.CharField(_("regime"), max_length=40, choices=Regime, unique=True)
    decision_working_days = models.PositiveSmallIntegerField(
        _("working days to decide an application"), default=10
    )
    extended_decision_working_days = models.PositiveSmallIntegerField(
        _("working days to decide, when extended with a reason"), default=15
    )
    minimum_tender_days = models.PositiveSmallIntegerField(
        _("minimum days between issuing a call-off and its tender deadline"), default=10
    )
    standstill_working_days = models.PositiveSmallIntegerField(
        _("standstill after an award (working days; 0 = none asked)"), default=0
    )
    is_dynamic = models.BooleanField(
        _("suppliers may apply at any time"),
        default=True,
        help_text=_("A dynamic purchasing system or dynamic market; otherwise a framework."),
    )
    source = models.CharField(_("source of the rules"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("regime rules")
        verbose_name_plural = _("regime rules")
        ordering = ["regime"]

    def __str__(self) -> str:
        return str(self.get_regime_display())


class ArrangementQuerySet(PeriodQuerySet):
    pass


class Arrangement(PeriodMixin, models.Model):
    """A dynamic purchasing system, dynamic market or open framework run by the network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    regime = models.CharField(_("regime"), max_length=40, choices=Regime)
    description = models.TextField(_("description"), blank=True)
    start = models.DateField(_("open from"))
    end = models.DateField(_("open until"), null=True, blank=True)
    user_guide = models.FileField(
        _("user guide"), upload_to="procurement/guides/", blank=True, max_length=200
    )
    user_guide_url = models.URLField(_("user guide address"), blank=True)
    eligible_buyer_categories = models.JSONField(
        _("membership categories that may buy"),
        default=list,
        help_text=_("Codes of the membership categories whose members may issue call-offs."),
    )
    network_may_buy = models.BooleanField(_("the network itself may buy"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)
    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("purchasing arrangement")
        verbose_name_plural = _("purchasing arrangements")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("procurement:arrangement", kwargs={"slug": self.slug})

    def rules(self) -> RegimeRules:
        return RegimeRules.objects.get(regime=self.regime)

    @property
    def is_framework(self) -> bool:
        return self.regime == Regime.PA_2023_OPEN_FRAMEWORK

    def is_open_on(self, day: date) -> bool:
        return self.is_current_on(day)


class Category(models.Model):
    """A category (lot) with its selection criteria, a versioned questionnaire.

    `questions` is a list of {"key": str, "text": str}; a change of questions raises `version`.
    """

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    questions: Any = models.JSONField(_("selection questions"), default=list)
    questions_version = models.PositiveSmallIntegerField(_("questionnaire version"), default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["arrangement", "order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["arrangement", "slug"], name="procurement_category_slug_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Notice(models.Model):
    """A notice published for the arrangement (e.g. in Find a Tender), by reference and date."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="notices")
    title = models.CharField(_("notice"), max_length=200)
    reference = models.CharField(_("reference"), max_length=100)
    published_on = models.DateField(_("published on"))
    url = models.URLField(_("address"), blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["arrangement", "published_on"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.title} ({self.reference})"
