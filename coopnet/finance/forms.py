from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, MoneyField
from coopnet.core.membership_year import year_label, year_of
from coopnet.core.money import PENNY
from coopnet.core.submissions import OnceFormMixin

DATE_HINT = _("For example, 2026-09-01")


def _date_field(label: Any, help_text: Any = DATE_HINT) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter a real date, like 2026-09-01."),
        },
    )


class AmountField(MoneyField):
    """An amount of money received or credited: at least £0.01."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(minimum=PENNY, **kwargs)


def year_choices(around: date | None = None) -> list[tuple[int, str]]:
    current = year_of(around or timezone.localdate())
    return [(y, year_label(y)) for y in range(current + 1, current - 5, -1)]


class RunForm(GovukForm):
    year = forms.TypedChoiceField(label=_("Membership year"), coerce=int, choices=())
    on = _date_field(
        _("Invoice date"), _("The due date follows from this date. For example, 2026-09-01")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault("initial", {"year": year_of(today), "on": today})
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)  # type: ignore[attr-defined]


class RunConfirmForm(RunForm):
    expected_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    expected_total = MoneyField(widget=forms.HiddenInput)


class PaymentForm(OnceFormMixin, GovukForm):
    received_on = _date_field(_("Date received"))
    amount = AmountField(label=_("Amount received (£)"), help_text=_("For example, 250.00"))
    reference = forms.CharField(
        label=_("Payment reference"),
        required=False,
        max_length=100,
        help_text=_("The reference on the bank statement or remittance advice."),
    )
    # Asked only once the service has said that a payment with the same details is recorded.
    again = forms.BooleanField(
        label=_("This is a second payment with the same details: record it again"),
        required=False,
        widget=forms.HiddenInput,
    )

    def get_context(self) -> dict[str, Any]:
        if "again" in self.errors:
            field = self.fields["again"]
            field.widget = forms.CheckboxInput(attrs=field.widget.attrs)
        return super().get_context()


class CreditNoteForm(OnceFormMixin, GovukForm):
    issued_on = _date_field(_("Date of the credit note"))
    amount = AmountField(label=_("Amount to credit (£)"), help_text=_("For example, 250.00"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("For example, the member left before the invoice was due."),
        error_messages={"required": _("Give the reason for the credit note.")},
    )


class PaymentReverseForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is this payment being reversed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, the same payment was keyed twice."),
        error_messages={"required": _("Give the reason for reversing the payment.")},
    )


class PurchaseOrderForm(GovukForm):
    year = forms.TypedChoiceField(label=_("Membership year"), coerce=int, choices=())
    reference = forms.CharField(
        label=_("Purchase order reference"),
        max_length=60,
        required=False,
        help_text=_("Leave empty to remove it."),
        error_messages={"max_length": _("A purchase order reference is at most 60 characters.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault("initial", {"year": year_of(today)})
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)  # type: ignore[attr-defined]


class LapsedEndForm(GovukForm):
    end = _date_field(_("Membership ends on"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for ending the membership.")},
    )
    confirm = forms.BooleanField(
        label=_("I confirm the network has decided to end this membership"),
        error_messages={"required": _("Confirm that the network has decided this.")},
    )


class InvoiceFilterForm(GovukForm):
    year = forms.TypedChoiceField(
        label=_("Membership year"), coerce=int, required=False, choices=()
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())

    def __init__(self, *args: Any, years: list[int], statuses: dict[str, Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        years_offered = [("", _("All years")), *((y, year_label(y)) for y in years)]
        self.fields["year"].choices = years_offered  # type: ignore[attr-defined]
        statuses_offered = [("", _("Any status")), *statuses.items()]
        self.fields["status"].choices = statuses_offered  # type: ignore[attr-defined]
