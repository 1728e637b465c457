"""Supplier applications, decisions per category, and the admissions they give."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodMixin, PeriodQuerySet

from .arrangements import Arrangement, Category

# The grounds a supplier declares do not apply to it (PCR 2015 reg. 57; PA 2023 Sch. 6 and 7).
EXCLUSION_GROUNDS = (
    ("convictions", _("Convictions for offences such as fraud, bribery or corruption")),
    ("tax", _("Failure to pay taxes or social security contributions")),
    ("insolvency", _("Bankruptcy, insolvency or arrangements with creditors")),
    ("misconduct", _("Grave professional misconduct")),
    ("poor_performance", _("Significant or persistent poor performance of an earlier contract")),
)


class SupplierApplication(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting a decision")
        DECIDED = "decided", _("Decided")

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="supplier_applications"
    )
    companies_house_number = models.CharField(_("Companies House number"), max_length=8, blank=True)
    declarations: Any = models.JSONField(_("declarations"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED)
    received_on = models.DateField(_("received on"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    extension_reason = models.TextField(_("reason for extending the decision time"), blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Given by a supplier new to the registry; told of decisions until someone manages it."
        ),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name = _("supplier application")
        verbose_name_plural = _("supplier applications")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.received_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("procurement:application", kwargs={"pk": self.pk})


class CategoryDecision(models.Model):
    """One category applied for: the answers given, and the decision with its reasons."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        ADMITTED = "admitted", _("Admitted")
        REJECTED = "rejected", _("Not admitted")

    application = models.ForeignKey(
        SupplierApplication, on_delete=models.CASCADE, related_name="decisions"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="decisions")
    questions_version = models.PositiveSmallIntegerField(_("questionnaire version answered"))
    answers: Any = models.JSONField(_("answers"), default=dict)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome, default=Outcome.PENDING
    )
    reasons = models.TextField(_("reasons"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["application", "category__order"]
        verbose_name = _("decision on a category")
        verbose_name_plural = _("decisions on categories")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "category"], name="procurement_one_decision_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application.organisation}: {self.category}"


class AdmissionQuerySet(PeriodQuerySet):
    pass


class Admission(PeriodMixin, models.Model):
    """A supplier admitted in a category from `start`, until `end` (removal or the end)."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="admissions"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="admissions")
    decision = models.OneToOneField(
        CategoryDecision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="admission",
    )
    start = models.DateField(_("admitted from"))
    end = models.DateField(_("admitted until"), null=True, blank=True)
    start_is_approximate = models.BooleanField(
        _("start date is approximate"),
        default=False,
        help_text=_("The source gives an 'as at' date, not the date of admission."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    removal_reason = models.TextField(_("reason for removal"), blank=True)
    history = HistoricalRecords(get_user=history_user)
    objects = AdmissionQuerySet.as_manager()

    class Meta:
        ordering = ["category", "organisation__name"]
        verbose_name = _("admission")
        verbose_name_plural = _("admissions")
        indexes = [models.Index(fields=["category", "start", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="procurement_admission_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.category}"


class DeclarationRenewal(models.Model):
    """Staff ask an admitted supplier to declare again that no ground for exclusion applies."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, related_name="declaration_renewals"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="declaration_renewals"
    )
    requested_on = models.DateField(_("asked on"))
    declarations: Any = models.JSONField(_("declarations"), default=dict)
    declared_at = models.DateTimeField(_("declared at"), null=True, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-requested_on", "organisation__name"]
        verbose_name = _("renewed declaration")
        verbose_name_plural = _("renewed declarations")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.requested_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("procurement:declaration", kwargs={"pk": self.pk})
