"""Fields a form adds in its own __init__ get their GOV.UK classes too, and multiple checkboxes
get the checkbox class (not the radio one): otherwise the native box is drawn over the label."""

from __future__ import annotations

from typing import Any

from django import forms

from coopnet.core.forms import GovukForm


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
