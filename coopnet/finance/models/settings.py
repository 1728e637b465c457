"""The network's finance configuration: one row, edited by finance staff in the back office."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user


class VatTreatment(models.TextChoices):
    OUTSIDE_SCOPE = "outside_scope", _("Outside the scope of VAT")
    STANDARD = "standard", _("Standard rate")


class FirstInvoiceRule(models.TextChoices):
    PRO_RATA = "pro_rata", _("Pro rata: the months left in the membership year")
    FULL_YEAR = "full_year", _("The full year's fee")
    NONE = "none", _("No invoice until the next invoice run")


def validate_reminder_days(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(d, int) and d > 0 for d in value):
        raise ValidationError(_("Reminder days are whole numbers of days after the due date."))
    if len(set(value)) != len(value):
        raise ValidationError(_("Each reminder day may appear only once."))


class FinanceSettings(models.Model):
    """The Accountable Body's details and the rules invoices follow."""

    body_name = models.CharField(_("Accountable Body"), max_length=200)
    body_address = models.TextField(_("Accountable Body's address"), blank=True)
    body_email = models.EmailField(_("finance email"), blank=True)
    body_phone = models.CharField(_("finance telephone"), max_length=40, blank=True)
    vat_number = models.CharField(_("VAT registration number"), max_length=20, blank=True)
    payment_instructions = models.TextField(
        _("how to pay"),
        blank=True,
        help_text=_("Printed on every invoice: bank details, remittance address."),
    )
    invoice_prefix = models.CharField(_("invoice number prefix"), max_length=12, default="INV-")
    credit_note_prefix = models.CharField(
        _("credit note number prefix"), max_length=12, default="CN-"
    )
    vat_treatment = models.CharField(
        _("VAT treatment"),
        max_length=20,
        choices=VatTreatment.choices,
        default=VatTreatment.OUTSIDE_SCOPE,
    )
    vat_rate = models.DecimalField(
        _("VAT standard rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    due_days = models.PositiveSmallIntegerField(
        _("days to pay"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("The due date is the invoice date plus this many days."),
    )
    reminder_days = models.JSONField(
        _("reminders (days after the due date)"),
        default=list,
        blank=True,
        validators=[validate_reminder_days],
        help_text=_("For example [7, 30, 60]: one reminder each, never sent twice."),
    )
    lapse_days = models.PositiveSmallIntegerField(
        _("days unpaid before lapsed-pending"),
        default=90,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A member whose invoice is unpaid this many days after its due date shows to staff "
            "as lapsed-pending. Nothing ends without a staff decision."
        ),
    )
    first_invoice_rule = models.CharField(
        _("first invoice of a new member"),
        max_length=20,
        choices=FirstInvoiceRule.choices,
        default=FirstInvoiceRule.PRO_RATA,
    )

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("finance settings")
        verbose_name_plural = _("finance settings")

    def __str__(self) -> str:
        return str(_("Finance settings"))

    @classmethod
    def current(cls) -> FinanceSettings:
        """The one row (created with neutral defaults the first time it is asked for)."""
        found = cls.objects.order_by("pk").first()
        if found is None:
            found = cls.objects.create(body_name="")
        return found

    def clean(self) -> None:
        if self.vat_treatment == VatTreatment.STANDARD and not self.vat_number:
            raise ValidationError(
                {"vat_number": _("Charging VAT at the standard rate needs a VAT number.")}
            )
