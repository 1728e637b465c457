"""Invoices, and what happens to them: payments, credit notes, reminders."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.membership_year import year_label
from coopnet.core.money import ZERO, format_money, to_pence
from coopnet.core.versioning import VersionedQuerySet
from coopnet.members.models import Membership, MembershipCategory, Organisation, Person

from .fields import money_field

POSITIVE = MinValueValidator(Decimal("0.01"), message=_("Enter an amount of at least £0.01."))


class NumberCounter(models.Model):
    """The last number used in a sequence. Locked while a number is taken, so none is skipped."""

    name = models.CharField(max_length=32, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.last_number}"


class InvoiceRun(models.Model):
    """One confirmed run of the year's invoices."""

    year = models.PositiveSmallIntegerField(_("membership year starting"))
    issued_on = models.DateField(_("invoice date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when a system job did it (the audit trail names the job)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    invoice_count = models.PositiveIntegerField(_("invoices raised"), default=0)
    total = money_field(_("total (£)"), default=ZERO)

    class Meta:
        verbose_name = _("invoice run")
        verbose_name_plural = _("invoice runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{year_label(self.year)} — {self.issued_on}"


class Invoice(models.Model):
    """A membership fee invoice. Its figures and addresses are fixed when it is raised."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Annual invoice run")
        FIRST = "first", _("First invoice of a new member")

    number = models.PositiveIntegerField(_("number"), unique=True, editable=False)
    reference = models.CharField(_("invoice number"), max_length=32, unique=True, editable=False)
    kind = models.CharField(_("raised by"), max_length=10, choices=Kind.choices)
    run = models.ForeignKey(
        InvoiceRun, on_delete=models.PROTECT, null=True, blank=True, related_name="invoices"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("membership")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("individual"),
    )
    category = models.ForeignKey(
        MembershipCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    year = models.PositiveSmallIntegerField(_("membership year starting"))
    issued_on = models.DateField(_("invoice date"))
    due_on = models.DateField(_("due date"))
    description = models.CharField(_("description"), max_length=300)
    net_amount = money_field(_("amount before VAT (£)"))
    vat_treatment = models.CharField(_("VAT treatment"), max_length=20)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    vat_amount = money_field(_("VAT (£)"))
    total = money_field(_("total (£)"))
    bill_to_name = models.CharField(_("invoice to"), max_length=200)
    bill_to_address = models.TextField(_("address"), blank=True)
    purchase_order = models.CharField(_("purchase order"), max_length=60, blank=True)
    body = models.JSONField(_("Accountable Body"), default=dict)
    sent_to = models.CharField(_("emailed to"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move remembered pages on

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-number"]
        indexes = [models.Index(fields=["year", "organisation"])]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "year"],
                name="invoice_one_per_membership_and_year",
                violation_error_message=_("This membership has already been invoiced that year."),
            ),
            models.CheckConstraint(
                condition=Q(total=F("net_amount") + F("vat_amount")),
                name="invoice_total_is_net_plus_vat",
            ),
            models.CheckConstraint(
                condition=Q(net_amount__gte=0) & Q(vat_amount__gte=0),
                name="invoice_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def year_label(self) -> str:
        return year_label(self.year)


class Payment(models.Model):
    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="payments", verbose_name=_("invoice")
    )
    received_on = models.DateField(_("date received"))
    amount = models.DecimalField(
        _("amount (£)"), max_digits=12, decimal_places=2, validators=[POSITIVE]
    )
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when a system job did it (the audit trail names the job)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A payment keyed by mistake (twice, or against the wrong invoice) is reversed, never deleted:
    # it stays on the invoice, marked, and no longer counts towards what has been paid.
    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reversed by"),
    )
    reversal_reason = models.TextField(_("reason for reversing"), blank=True)

    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move remembered pages on

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{format_money(self.amount)} on {self.received_on}"

    @property
    def is_reversed(self) -> bool:
        return self.reversed_at is not None


class CreditNote(models.Model):
    """Cancels all or part of an invoice. Numbered in its own sequence, without gaps."""

    number = models.PositiveIntegerField(_("number"), unique=True, editable=False)
    reference = models.CharField(_("credit note number"), max_length=32, unique=True)
    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="credit_notes", verbose_name=_("invoice")
    )
    issued_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount (£)"), max_digits=12, decimal_places=2, validators=[POSITIVE]
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when a system job did it (the audit trail names the job)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move remembered pages on

    class Meta:
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="credit_note_amount_positive"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def vat_amount(self) -> Decimal:
        """The VAT within the amount credited, at the invoice's rate."""
        rate = self.invoice.vat_rate
        return to_pence(self.amount * rate / (Decimal(100) + rate))

    @property
    def net_amount(self) -> Decimal:
        return self.amount - self.vat_amount


class Reminder(models.Model):
    """A reminder sent for an unpaid invoice; one per configured day, never twice."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="reminders")
    days_after_due = models.PositiveSmallIntegerField(_("days after due"))
    sent_on = models.DateField(_("sent on"))
    sent_to = models.CharField(_("sent to"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["invoice", "days_after_due"]
        constraints = [
            models.UniqueConstraint(
                fields=["invoice", "days_after_due"], name="reminder_once_per_invoice_and_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invoice} +{self.days_after_due}"


class PurchaseOrder(models.Model):
    """A member's purchase-order reference for a membership year, printed on its invoice."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="purchase_orders"
    )
    year = models.PositiveSmallIntegerField(_("membership year starting"))
    reference = models.CharField(_("purchase order reference"), max_length=60)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("purchase order")
        verbose_name_plural = _("purchase orders")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="purchase_order_one_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {year_label(self.year)}: {self.reference}"
