from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm
from coopnet.core.membership_year import year_label
from coopnet.members.models import MembershipCategory

from ..forms import MoneyField
from .models import BudgetLine, ExpenditureCode, ProjectionAssumption


def amount_field(label: Any, required: bool = True, help_text: Any = "") -> MoneyField:
    """An amount of £0.00 or more, read by the one money parser."""
    return MoneyField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"required": _("Enter the amount.")},
    )


def year_choices(years: Iterable[int]) -> list[tuple[int, str]]:
    return [(year, year_label(year)) for year in years]


class BudgetForm(GovukForm):
    year = forms.TypedChoiceField(label=_("Membership year"), coerce=int, choices=())
    reserve = amount_field(_("Reserve"), help_text=_("Held within the balance, not spent."))
    opening_balance = amount_field(
        _("Balance brought forward"),
        required=False,
        help_text=_("Only for the first budget recorded; later years carry forward the balance."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, years: Iterable[int] = (), first: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = year_choices(years)
        if choices:
            self.fields["year"].choices = choices  # type: ignore[attr-defined]
        else:
            del self.fields["year"]
        if not first:
            del self.fields["opening_balance"]


class LineForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Income or expenditure"),
        choices=[
            (BudgetLine.Kind.INCOME.value, _("Income")),
            (BudgetLine.Kind.EXPENDITURE.value, _("Expenditure")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the line is income or expenditure.")},
    )
    code = forms.ChoiceField(
        label=_("Expenditure code"),
        required=False,
        choices=[
            ("", _("Not expenditure")),
            *[(c, f"{c} – {label}") for c, label in ExpenditureCode.choices],
        ],
    )
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Give the line a name.")}
    )
    amount = amount_field(
        _("Amount"), required=False, help_text=_("Leave empty if there is no figure yet.")
    )
    to_be_confirmed = forms.BooleanField(label=_("The amount is to be confirmed"), required=False)
    fee_categories = forms.MultipleChoiceField(
        label=_("Membership fees this income line collects"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Invoices paid in these categories are the line's actual income."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fee_categories"].choices = [  # type: ignore[attr-defined]
            (c.code, c.name) for c in MembershipCategory.objects.order_by("order")
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == BudgetLine.Kind.EXPENDITURE and not data.get("code"):
            self.add_error("code", _("Choose the expenditure code the line comes under."))
        if data.get("kind") == BudgetLine.Kind.INCOME:
            data["code"] = ""
        if data.get("to_be_confirmed") and data.get("amount") is not None:
            self.add_error(
                "amount", _("A line is either to be confirmed or has an amount, not both.")
            )
        return data


class ProjectionForm(GovukForm):
    projection_to = forms.TypedChoiceField(
        label=_("Project to"), coerce=int, required=False, empty_value=None, choices=()
    )

    def __init__(self, *args: Any, years: Iterable[int] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["projection_to"].choices = [("", _("No projection")), *year_choices(years)]  # type: ignore[attr-defined]


class AssumptionForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Assumption"),
        choices=ProjectionAssumption.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of assumption.")},
    )
    line = forms.ModelChoiceField(
        label=_("Budget line"),
        queryset=BudgetLine.objects.none(),
        required=False,
        empty_label=_("All expenditure (growth only)"),
    )
    count = forms.IntegerField(
        label=_("New members a year"),
        required=False,
        error_messages={"invalid": _("Enter a whole number of members.")},
    )
    count.widget.attrs["class"] = "govuk-input--width-4"
    fee = amount_field(_("Fee each new member pays"), required=False)
    rate = forms.DecimalField(
        label=_("Growth rate, per cent a year"),
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text=_("0 holds the figure flat; 2.5 grows it by 2.5 per cent a year."),
        error_messages={
            "invalid": _("Enter a percentage, like 2.5."),
            "max_decimal_places": _("A growth rate has at most two decimal places."),
            "max_digits": _(
                "A growth rate must be more than -100 per cent and at most 100 per cent a year."
            ),
            "max_whole_digits": _(
                "A growth rate must be more than -100 per cent and at most 100 per cent a year."
            ),
        },
    )
    rate.widget.attrs["class"] = "govuk-input--width-5"

    def __init__(self, *args: Any, lines: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if lines is not None:
            self.fields["line"].queryset = lines  # type: ignore[attr-defined]


class ImportForm(GovukForm):
    year = forms.TypedChoiceField(label=_("Membership year to import"), coerce=int, choices=())
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "In the layout of the budget statement: labels in column A, one column per year."
        ),
        error_messages={"required": _("Choose a CSV or XLSX file to upload.")},
    )

    def __init__(self, *args: Any, years: Iterable[int] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(years)  # type: ignore[attr-defined]


class SpendForm(GovukForm):
    line = forms.ModelChoiceField(
        label=_("Budget line"),
        queryset=BudgetLine.objects.none(),
        error_messages={"required": _("Choose the line the money was spent against.")},
    )
    spent_on = forms.DateField(
        label=_("Date spent"),
        help_text=_("For example, 2021-09-15"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter a real date, like 2021-09-15."),
        },
    )
    amount = amount_field(_("Amount"))
    description = forms.CharField(
        label=_("What it was spent on"),
        max_length=200,
        error_messages={"required": _("Say what the money was spent on.")},
    )
    reference = forms.CharField(label=_("Reference"), max_length=100, required=False)

    def __init__(self, *args: Any, lines: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if lines is not None:
            self.fields["line"].queryset = lines  # type: ignore[attr-defined]
            self.fields["line"].label_from_instance = lambda line: f"{line.code} – {line.name}"  # type: ignore[attr-defined]
