"""A strategy (2021-2023, 2024-2026): objectives with their lead, measures with a target, and
supporting activities with dated progress updates.

A measure's values are figures (`coopnet.core.figures`) under its `key`: computed from the
system where `selectors.COMPUTED` knows the key, and published (or entered by staff with a
source) as `ReportedFigure`s under the same key, so both show side by side.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.members.models import Person


class Strategy(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    summary = models.TextField(_("summary"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-first_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="strategy_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:strategy", kwargs={"slug": self.slug})

    @property
    def period(self) -> str:
        return f"{self.first_year}–{self.last_year}"


class Lead(models.Model):
    """Who leads: a person in the registry where the seeds name one, else a body or a name."""

    lead = models.ForeignKey(
        Person,
        verbose_name=_("lead"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_name = models.CharField(
        _("lead (if not a person in the registry)"), max_length=200, blank=True
    )

    class Meta:
        abstract = True

    @property
    def lead_label(self) -> str:
        names = [self.lead.display_name] if self.lead is not None else []
        if self.lead_name:
            names.append(self.lead_name)
        return "; ".join(names)


class Objective(Lead):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="one_objective_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class TargetKind(models.TextChoices):
    NONE = "none", _("No target")
    NUMBER = "number", _("A number")
    IMPROVING = "improving", _("Improving trend")


class Unit(models.TextChoices):
    COUNT = "number", _("Count")
    PERCENT = "percent", _("Percentage")


class Measure(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    key = models.SlugField(
        _("figure key"),
        max_length=80,
        help_text=_("The key of its figures, as the reported figures name it (members-full)."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    target_kind = models.CharField(
        _("target"), max_length=10, choices=TargetKind.choices, default=TargetKind.NONE
    )
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["objective", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "key"], name="one_measure_per_key"),
            models.CheckConstraint(
                condition=~models.Q(target_kind="number") | models.Q(target_value__isnull=False),
                name="number_target_has_value",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def target_number(self) -> Decimal | None:
        return self.target_value if self.target_kind == TargetKind.NUMBER else None

    @property
    def target_label(self) -> str:
        """The target as pages and reports print it: the number, else the kind of target."""
        number = self.target_number
        if number is not None:
            return str(floatformat(number, "-2"))
        return str(self.get_target_kind_display())


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    COMPLETE = "complete", _("Complete")


def progress_label(progress: str) -> str:
    """An activity's progress as people read it; "Not reported" while none has been."""
    return str(Progress(progress).label) if progress else str(_("Not reported"))


class SupportingActivity(Lead):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="activities")
    reference = models.CharField(_("reference"), max_length=10, help_text=_("For example 1.4"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("activity"))
    milestone = models.CharField(_("milestone"), max_length=100, blank=True)
    # Empty while no progress has been reported (the seeds leave many activities without one).
    progress = models.CharField(
        _("progress"), max_length=12, choices=Progress.choices, blank=True, default=""
    )

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("supporting activity")
        verbose_name_plural = _("supporting activities")
        ordering = ["objective", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "reference"], name="one_activity_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.text[:60]}"

    @property
    def progress_label(self) -> str:
        return progress_label(self.progress)


class ActivityUpdate(models.Model):
    activity = models.ForeignKey(
        SupportingActivity, on_delete=models.CASCADE, related_name="updates"
    )
    on = models.DateField(_("date"))
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["activity", "-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.activity.reference} {self.on}: {self.progress}"
