"""The framework councils assess themselves against: criteria by principle, and the actions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    """One version of the framework; assessments keep the version they were made against."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    published_on = models.DateField(_("published on"))
    is_current = models.BooleanField(_("the version in use"), default=False)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Criterion(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    principle = models.ForeignKey(
        "core.Principle", on_delete=models.PROTECT, related_name="learning_criteria"
    )
    title = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "principle__order", "order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.title


class Level(models.Model):
    """What one point of a criterion's rating scale looks like in practice."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    score = models.PositiveSmallIntegerField(_("score"))
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("what it looks like"))

    class Meta:
        ordering = ["criterion", "score"]
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        constraints = [
            models.UniqueConstraint(fields=["criterion", "score"], name="one_level_per_score")
        ]

    def __str__(self) -> str:
        return f"{self.score}: {self.name}"


class ActionGroup(models.TextChoices):
    COMMUNITY_WEALTH_BUILDING = "community_wealth_building", _("Community Wealth Building")
    CO_OPERATIVE_PLACEMAKING = "co_operative_placemaking", _("Co-operative Placemaking")


class ChecklistItem(models.Model):
    """A "Being a Co-operative Council" action a council has taken or not."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="actions")
    group = models.CharField(_("theme"), max_length=40, choices=ActionGroup)
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("action"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["framework", "group", "order"]
        verbose_name = _("Being a Co-operative Council action")
        verbose_name_plural = _("Being a Co-operative Council actions")
        constraints = [
            models.UniqueConstraint(fields=["framework", "slug"], name="one_action_slug")
        ]

    def __str__(self) -> str:
        return self.title
