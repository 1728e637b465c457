"""The three-phase induction of a new member organisation, as a checklist with owners and dates."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coopnet.core.versioning import VersionedQuerySet


class Owner(models.TextChoices):
    MEMBER = "member", _("The member")
    NETWORK = "network", _("The network team")


class InductionStep(models.Model):
    """One step of the induction programme every new member follows (the template)."""

    phase = models.PositiveSmallIntegerField(_("phase"))
    title = models.CharField(_("step"), max_length=200)
    owner = models.CharField(_("owner"), max_length=20, choices=Owner)
    days_to_complete = models.PositiveSmallIntegerField(_("days from the start"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["phase", "order"]
        verbose_name = _("induction step")
        verbose_name_plural = _("induction steps")
        constraints = [
            models.UniqueConstraint(fields=["phase", "title"], name="one_induction_step_title")
        ]

    def __str__(self) -> str:
        return self.title


class Induction(models.Model):
    organisation = models.OneToOneField(
        "members.Organisation", on_delete=models.CASCADE, related_name="induction"
    )
    started_on = models.DateField(_("started on"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("induction")
        verbose_name_plural = _("inductions")

    def __str__(self) -> str:
        return str(self.organisation)

    def get_absolute_url(self) -> str:
        return reverse("learning:induction", args=[self.pk])


class InductionItem(models.Model):
    induction = models.ForeignKey(Induction, on_delete=models.CASCADE, related_name="items")
    phase = models.PositiveSmallIntegerField(_("phase"))
    title = models.CharField(_("step"), max_length=200)
    owner = models.CharField(_("owner"), max_length=20, choices=Owner)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = VersionedQuerySet.as_manager()  # bulk writes move remembered counts on

    class Meta:
        ordering = ["phase", "order", "pk"]
        verbose_name = _("induction item")
        verbose_name_plural = _("induction items")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today
