"""Forms render with GOV.UK Frontend markup: labels, hints, error messages and summaries."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.FileInput: "govuk-file-upload",
}


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


class GovukFormMixin:
    """Adds GOV.UK classes and aria-describedby to every widget of the form."""

    fields: dict[str, forms.Field]
    errors: Any
    prefix: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (c for w, c in WIDGET_CLASSES.items() if isinstance(widget, w)), "govuk-input"
            )
            classes = [css, widget.attrs.get("class", "")]
            widget.attrs["class"] = " ".join(c for c in classes if c)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            field = self.fields.get(name)
            if field is None:
                continue
            error_class = {
                "govuk-input": "govuk-input--error",
                "govuk-textarea": "govuk-textarea--error",
                "govuk-select": "govuk-select--error",
                "govuk-file-upload": "govuk-file-upload--error",
            }
            for base, extra in error_class.items():
                if base in field.widget.attrs.get("class", "").split():
                    field.widget.attrs["class"] += f" {extra}"
            field.widget.attrs["aria-describedby"] = f"id_{name}-error"


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
