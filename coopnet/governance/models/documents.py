"""The constitution and terms of reference: documents whose versions are adopted on a date."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .bodies import Body
from .meetings import Meeting


class GovernanceDocument(models.Model):
    class Kind(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution")
        TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference")

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind)
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("For terms of reference: the body they govern."),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("governance document")
        verbose_name_plural = _("governance documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:document", kwargs={"slug": self.slug})


class DocumentVersion(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    document = models.ForeignKey(
        GovernanceDocument, on_delete=models.CASCADE, related_name="versions"
    )
    label = models.CharField(_("version"), max_length=60)
    adopted_on = models.DateField(_("adopted on"))
    adopted_on_precision = models.CharField(
        _("the adoption date is known to the"),
        max_length=5,
        choices=Precision,
        default=Precision.DAY,
        help_text=_("When the source gives only the month or year of adoption."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    adopted_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_documents",
        verbose_name=_("adopted at"),
    )
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("PDF"), upload_to="governance/documents/", blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["document", "-adopted_on", "-pk"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "label"], name="one_version_label")
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.label})"

    def in_force_on(self, on: date) -> bool:
        return self.adopted_on <= on

    @property
    def adopted_on_format(self) -> str:
        """A date format for `adopted_on` that claims no more than is known."""
        return {"day": "j F Y", "month": "F Y", "year": "Y"}[self.adopted_on_precision]
