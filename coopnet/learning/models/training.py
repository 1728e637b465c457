"""Training programmes on external platforms, and who enrolled on and completed them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user


class Audience(models.TextChoices):
    COUNCILLORS = "councillors", _("Councillors")
    OFFICERS = "officers", _("Officers")
    BOTH = "both", _("Councillors and officers")


class Programme(models.Model):
    """A training programme or course, run by a provider on its own learning platform."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    platform = models.CharField(_("learning platform"), max_length=200, blank=True)
    certified = models.BooleanField(_("certified"), default=False)
    link = models.URLField(_("link to the programme"), blank=True)
    audience = models.CharField(_("for"), max_length=20, choices=Audience, default=Audience.BOTH)
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered now"), default=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.title


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")

    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="enrolments"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("for the organisation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ENROLLED)
    enrolled_on = models.DateField(_("enrolled on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    certificate = models.FileField(_("certificate"), upload_to="learning/certificates/", blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-enrolled_on", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["person", "programme"], name="one_enrolment_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.programme}"

    def get_certificate_url(self) -> str:
        return reverse("learning:certificate", args=[self.pk])
