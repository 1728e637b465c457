"""Fields a form adds in its own __init__ get their GOV.UK classes too, and multiple checkboxes
get the checkbox class (not the radio one): otherwise the native box is drawn over the label."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation

from coopnet.core.forms import TEXT_LIMITS, GovukForm
from coopnet.core.widgets import RichTextEditor
from coopnet.events.forms import EventForm
from coopnet.knowledge.forms import CaseStudyForm


class LateFields(GovukForm):
    early = forms.MultipleChoiceField(
        choices=[("a", "A")], widget=forms.CheckboxSelectMultiple, label="Early"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["late"] = forms.MultipleChoiceField(
            choices=[("b", "Ballot candidate")], widget=forms.CheckboxSelectMultiple, label="Late"
        )
        self.fields["ok"] = forms.BooleanField(label="Tick")


def test_late_and_early_checkboxes_carry_the_govuk_checkbox_class():
    html = str(LateFields())
    assert html.count('class="govuk-checkboxes__input"') == 3
    assert "govuk-radios__input" not in html


class Unbounded(GovukForm):
    story = forms.CharField(widget=RichTextEditor(), label="Story")
    notes = forms.CharField(widget=forms.Textarea, label="Notes")
    title = forms.CharField(label="Title")
    short = forms.CharField(label="Short", max_length=20)
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def test_no_text_field_takes_unbounded_text():
    """A 9.5 MB story was once accepted: every text field without a limit of its own gets one,
    and says so in the person's language."""
    too_long = {
        "story": "a" * (TEXT_LIMITS["richtext"] + 1),
        "notes": "a" * (TEXT_LIMITS["textarea"] + 1),
        "title": "a" * (TEXT_LIMITS["line"] + 1),
        "short": "a" * 21,
    }
    errors = Unbounded(too_long).errors
    assert errors["story"] == ["Ensure this value has at most 100000 characters (it has 100001)."]
    assert errors["notes"] == ["Ensure this value has at most 20000 characters (it has 20001)."]
    assert errors["title"] == ["Ensure this value has at most 1000 characters (it has 1001)."]
    assert errors["short"] == ["Ensure this value has at most 20 characters (it has 21)."]
    with translation.override("cy"):
        welsh = Unbounded(too_long).errors["title"][0]
    assert "1000" in welsh
    assert "Ensure" not in welsh
    fits = dict.fromkeys(too_long, "a" * 20) | {"token": "x" * 5000}
    assert Unbounded(fits).is_valid()
    # The story of a case study and an event's description are such fields.
    assert isinstance(CaseStudyForm.base_fields["body"].widget, RichTextEditor)
    assert isinstance(EventForm.base_fields["description"].widget, RichTextEditor)
