from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, GovukModelForm

from .models import Measure, Objective, Progress, SupportingActivity


class CoverageForm(GovukForm):
    complete_from = forms.DateField(
        label=_("Records complete from"),
        required=False,
        help_text=_(
            "For example 2021-08-01. Leave empty while the records of this category are not "
            "complete: published figures are shown instead."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ActivityForm(GovukModelForm):
    class Meta:
        model = SupportingActivity
        fields = ["reference", "text", "lead", "lead_name", "milestone"]


class ProgressForm(GovukForm):
    on = forms.DateField(label=_("Date of the update"), help_text=_("For example 2024-07-31"))
    progress = forms.ChoiceField(label=_("Progress"), choices=Progress.choices)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea, required=False)


class ValueForm(GovukForm):
    as_of = forms.DateField(label=_("As at"), help_text=_("31 July of the membership year"))
    value = forms.DecimalField(label=_("Value"), min_value=0, max_digits=14, decimal_places=2)
    qualifier = forms.ChoiceField(
        label=_("Published as"),
        required=False,
        choices=[("", _("Exactly")), ("over", _("Over")), ("about", _("About"))],
    )
    source = forms.CharField(label=_("Source"), max_length=300)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ObjectiveForm(GovukModelForm):
    class Meta:
        model = Objective
        fields = ["title", "description", "lead", "lead_name"]


class MeasureForm(GovukModelForm):
    class Meta:
        model = Measure
        fields = ["name", "unit", "target_kind", "target_value", "note"]
