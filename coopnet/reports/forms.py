from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm
from coopnet.core.membership_year import year_label, year_of

from .models import Kind


def year_choices() -> list[tuple[int, str]]:
    latest = year_of(timezone.localdate())
    return [(y, year_label(y)) for y in range(latest, 2016, -1)]


class GenerateForm(GovukForm):
    # The welcome pack is laid out per member by the members app (its sections are registered
    # under WELCOME); here the network's yearly documents.
    kind = forms.ChoiceField(
        label=_("Document"),
        choices=[(Kind.REVIEW.value, Kind.REVIEW.label), (Kind.LGA.value, Kind.LGA.label)],
        widget=forms.RadioSelect,
    )
    year = forms.TypedChoiceField(label=_("Membership year"), coerce=int, choices=year_choices)


class NarrativeForm(GovukForm):
    welcome = forms.CharField(label=_("Welcome"), required=False, widget=forms.Textarea)
    highlights = forms.CharField(
        label=_("Highlights of the year"),
        help_text=_("One highlight a line."),
        required=False,
        widget=forms.Textarea,
    )
    aim = forms.CharField(
        label=_("Aim (LGA report)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    activities = forms.CharField(
        label=_("Key activities and outcomes (LGA report)"),
        help_text=_("One a line."),
        required=False,
        widget=forms.Textarea,
    )
    lead_member = forms.CharField(
        label=_("Lead member (LGA report)"),
        help_text=_(
            "Used only when governance records no Chair of the Executive Oversight Committee on "
            "31 July."
        ),
        required=False,
    )
    lead_officer = forms.CharField(
        label=_("Lead officer (LGA report)"),
        help_text=_(
            "Used only when the registry records no officer lead at the Accountable Body on "
            "31 July."
        ),
        required=False,
    )
