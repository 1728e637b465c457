"""Bids: what a member (or the network itself) asks a round to fund."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .rounds import Round, Scheme


class Bid(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        APPROVED = "approved", _("Approved")
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
        DECLINED = "declined", _("Declined")
        DEFERRED = "deferred", _("Deferred to the next round")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="bids")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="bids")
    lead = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bids_led",
        verbose_name=_("lead organisation"),
    )
    led_by_network = models.BooleanField(_("led by the network itself"), default=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    problem = models.TextField(_("the problem"), blank=True)
    approach = models.TextField(_("the approach"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount asked for"), max_digits=12, decimal_places=2, default=Decimal(0)
    )
    principles = models.ManyToManyField(
        "core.Principle", blank=True, related_name="bids", verbose_name=_("principles addressed")
    )
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["round", "scheme__order", "title"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead__isnull=False) | models.Q(led_by_network=True),
                name="bid_has_a_lead",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:bid", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def budget_total(self) -> Decimal:
        return sum((line.amount for line in self.budget_lines.all()), Decimal(0))


class BidPartner(models.Model):
    """A partner organisation; it confirms its own participation."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="bid_partnerships"
    )
    role = models.CharField(_("what they will do"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["bid", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["bid", "organisation"], name="partner_once_per_bid")
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class BudgetLine(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(_("item"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["bid", "order", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return self.description


class BidMilestone(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))

    class Meta:
        ordering = ["bid", "due_on", "pk"]
        verbose_name = _("bid milestone")
        verbose_name_plural = _("bid milestones")

    def __str__(self) -> str:
        return self.title


def bid_document_path(instance: BidDocument, filename: str) -> str:
    return f"funding/bids/{instance.bid_id}/{filename}"


class BidDocument(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=bid_document_path)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["bid", "uploaded_at"]
        verbose_name = _("bid document")
        verbose_name_plural = _("bid documents")

    def __str__(self) -> str:
        return self.title
