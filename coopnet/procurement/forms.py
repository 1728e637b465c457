"""Forms for procurement pages: they parse; the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, MoneyField

from .models import EXCLUSION_GROUNDS, Category

YES_NO = [("no", _("No")), ("yes", _("Yes"))]


class AsAtForm(GovukForm):
    on = forms.DateField(label=_("As at"), required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])


class ApplicationForm(GovukForm):
    """Organisation, categories, the questions of each category, and the declarations.

    The questions are checked by the service for the categories chosen, so none is marked
    optional here.
    """

    hide_optional = True

    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Organisation applying")
    )
    companies_house_number = forms.CharField(
        label=_("Companies House number (if it has one)"),
        required=False,
        max_length=12,
        help_text=_("8 digits, or 2 letters and 6 digits."),
    )
    categories: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Categories"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, organisations: Any, categories: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["categories"].queryset = categories  # type: ignore[attr-defined]
        self.category_list: list[Category] = list(categories)
        for category in self.category_list:
            for question in category.questions:
                self.fields[f"q_{category.pk}_{question['key']}"] = forms.CharField(
                    label=f"{category.name}: {question['text']}",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
                )
        for key, label in EXCLUSION_GROUNDS:
            self.fields[f"ground_{key}"] = forms.ChoiceField(
                label=label,
                choices=YES_NO,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
            )

    def answers(self) -> dict[int, dict[str, str]]:
        return {
            c.pk: {q["key"]: self.cleaned_data.get(f"q_{c.pk}_{q['key']}", "") for q in c.questions}
            for c in self.category_list
        }

    def declarations(self) -> dict[str, bool]:
        return {
            key: self.cleaned_data[f"ground_{key}"] == "yes"
            for key, _label in EXCLUSION_GROUNDS
            if f"ground_{key}" in self.cleaned_data
        }


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[("admit", _("Admit")), ("reject", _("Do not admit"))],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(GovukForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class CallOffForm(GovukForm):
    buyer: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None,
        label=_("Buying organisation"),
        required=False,
        help_text=_("Leave empty when the network itself buys."),
    )
    category: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("Category"))
    title = forms.CharField(label=_("Title"), max_length=200)
    requirement = forms.CharField(label=_("Requirement"), widget=forms.Textarea(attrs={"rows": 6}))
    budget = MoneyField(label=_("Budget (£)"), minimum=Decimal("0.01"))
    criteria = forms.CharField(
        label=_("Award criteria"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One a line, a name then its weight, e.g. 'Quality: 60'. Weights add up to 100."
        ),
    )
    tender_deadline = forms.DateTimeField(
        label=_("Tender deadline"),
        input_formats=["%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        help_text=_("For example 30/04/2025 12:00."),
    )

    def __init__(self, *args: Any, buyers: Any, categories: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["buyer"].queryset = buyers  # type: ignore[attr-defined]
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]

    def clean_criteria(self) -> list[tuple[str, int]]:
        parsed = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            name, _sep, weight = line.rpartition(":")
            try:
                parsed.append((name.strip(), int(weight)))
            except ValueError as exc:
                raise forms.ValidationError(_("Write each criterion as 'name: weight'.")) from exc
        return parsed


class QuestionForm(GovukForm):
    question = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(GovukForm):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))


class TenderForm(GovukForm):
    response = forms.CharField(
        label=_("Your response to the requirement"), widget=forms.Textarea(attrs={"rows": 8})
    )
    price = MoneyField(label=_("Price (£)"))


class AwardForm(GovukForm):
    tender: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, label=_("Successful tender"), widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Reasons for the award"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, tenders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tender"].queryset = tenders  # type: ignore[attr-defined]


class ScoreForm(GovukForm):
    """A mark out of 10 for each criterion of one tender."""

    def __init__(self, *args: Any, criteria: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"mark_{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.name} ({criterion.weight}%)",
                min_value=Decimal(0),
                max_value=Decimal(10),
                decimal_places=1,
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
            )

    def marks(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data[f"mark_{c.pk}"] for c in self.criteria}


class DeclarationsForm(GovukForm):
    """Whether each ground for exclusion applies."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in EXCLUSION_GROUNDS:
            self.fields[f"ground_{key}"] = forms.ChoiceField(
                label=label,
                choices=YES_NO,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
            )

    def declarations(self) -> dict[str, bool]:
        return {key: self.cleaned_data[f"ground_{key}"] == "yes" for key, _l in EXCLUSION_GROUNDS}


class NoticeForm(GovukForm):
    title = forms.CharField(
        label=_("Notice"),
        max_length=200,
        help_text=_("For example: contract notice, or notice of the end of the arrangement."),
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=100,
        help_text=_("As published, for example in Find a Tender: 2020/S 064-151234."),
    )
    published_on = forms.DateField(
        label=_("Published on"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("For example, 27/03/2020."),
        error_messages={"invalid": _("Enter a real date, for example 27/03/2020.")},
    )
    url = forms.URLField(label=_("Address of the notice"), required=False, max_length=200)


class NewSupplierForm(ApplicationForm):
    """An organisation not yet in the registry applies, with the person who will look after it."""

    name = forms.CharField(label=_("Organisation's name"), max_length=200)
    website = forms.URLField(label=_("Website (if it has one)"), required=False, max_length=200)
    contact_name = forms.CharField(label=_("Your full name"), max_length=200)
    contact_job_title = forms.CharField(label=_("Your job title"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send a link to this address: follow it to confirm it and set a password, then "
            "follow the application."
        ),
    )

    field_order = [
        "name",
        "companies_house_number",
        "website",
        "contact_name",
        "contact_job_title",
        "contact_email",
        "categories",
    ]

    def __init__(self, *args: Any, categories: Any, **kwargs: Any) -> None:
        from coopnet.members.models import Organisation

        super().__init__(
            *args, organisations=Organisation.objects.none(), categories=categories, **kwargs
        )
        del self.fields["organisation"]
        self.order_fields(self.field_order)
