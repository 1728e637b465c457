"""What staff write for a year's documents, and every generation of a document kept as it was."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.membership_year import year_label
from coopnet.core.reports import LGA, REVIEW, WELCOME


class Kind(models.TextChoices):
    REVIEW = REVIEW, _("Review of the Year")
    LGA = LGA, _("LGA Special Interest Group annual report")
    WELCOME = WELCOME, _("Welcome pack")


class YearNarrative(models.Model):
    """The staff-written text of one membership year's documents (kept with its history)."""

    year = models.PositiveSmallIntegerField(_("membership year"), unique=True)
    welcome = models.TextField(_("welcome"), blank=True)
    highlights = models.TextField(
        _("highlights of the year"), blank=True, help_text=_("One highlight a line.")
    )
    aim = models.TextField(_("aim"), blank=True)
    activities = models.TextField(
        _("key activities and outcomes"), blank=True, help_text=_("One a line.")
    )
    lead_member = models.CharField(_("lead member"), max_length=300, blank=True)
    lead_officer = models.CharField(_("lead officer"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("year's text")
        verbose_name_plural = _("years' texts")
        ordering = ["-year"]

    def __str__(self) -> str:
        return year_label(self.year)

    @property
    def highlight_lines(self) -> list[str]:
        return [line.strip() for line in self.highlights.splitlines() if line.strip()]

    @property
    def activity_lines(self) -> list[str]:
        return [line.strip() for line in self.activities.splitlines() if line.strip()]


class GeneratedReport(models.Model):
    """One generation of a document: when, from what (the text and every figure it printed, as
    JSON) and the PDF laid out in the background."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("document"), max_length=30, choices=Kind)
    year = models.PositiveSmallIntegerField(_("membership year"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.QUEUED)
    done = models.PositiveSmallIntegerField(_("steps done"), default=0)
    total = models.PositiveSmallIntegerField(_("steps"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    regenerates = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="regenerations"
    )
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    figures = models.JSONField(_("figures printed"), default=dict, blank=True)
    file = models.FileField(_("PDF"), upload_to="reports/", blank=True)
    pages = models.PositiveSmallIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {year_label(self.year)} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:generation", kwargs={"pk": self.pk})

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def is_ready(self) -> bool:
        return self.state == self.State.READY

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
