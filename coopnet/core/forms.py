"""Forms render with GOV.UK Frontend markup: labels, hints, error messages and summaries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .money import ZERO, MoneyError, format_money, parse_money

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


class MoneyField(forms.CharField):
    """Pounds and pence, read by the one money parser (`coopnet.core.money.parse_money`).

    "£1,000.50" is £1,000.50; "1,00", "1e5", "1e309" and letters are refused with a message that
    says what to type, never a server error. `minimum` is the least amount accepted (£0.00 unless
    said otherwise). Usable as a model admin's `formfield_overrides` form class for money fields.
    """

    def __init__(
        self,
        *,
        minimum: Decimal | None = ZERO,
        max_digits: int | None = None,
        decimal_places: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.minimum = minimum
        kwargs.setdefault("error_messages", {"required": _("Enter the amount.")})
        super().__init__(**kwargs)
        if not self.widget.is_hidden:
            self.widget.attrs.update({"inputmode": "decimal", "class": "govuk-input--width-10"})

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            amount = parse_money(text, allow_negative=True)
        except MoneyError as exc:
            raise ValidationError(str(exc), code="invalid") from exc
        if self.minimum is not None and amount < self.minimum:
            message = (
                _("Enter an amount of zero or more.")
                if self.minimum == ZERO
                else _("Enter an amount of at least %(least)s.")
                % {"least": format_money(self.minimum)}
            )
            raise ValidationError(message, code="min_value")
        return amount
