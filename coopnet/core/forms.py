"""Forms render with GOV.UK Frontend markup: labels, hints, error messages and summaries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .money import ZERO, MoneyError, format_money, parse_money
from .widgets import RichTextEditor

WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    # Before RadioSelect: a CheckboxSelectMultiple is a RadioSelect to isinstance().
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.FileInput: "govuk-file-upload",
}


class AutocompleteSelect(forms.Select):
    """A select of many choices that becomes a type-to-search field (GOV.UK's
    accessible-autocomplete, `frontend/js/coopnet.mjs`) when JavaScript runs, and stays a plain
    select when it does not. Give its field an empty first choice (`empty_label=""`), so that
    nothing is chosen until the person types."""

    def __init__(self, attrs: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__({"data-coopnet-autocomplete": "", **(attrs or {})}, **kwargs)


class AutocompleteSelectMultiple(forms.CheckboxSelectMultiple):
    """A long list to choose several from (the organisations that took part in a case study).

    Without JavaScript it is GOV.UK checkboxes in a labelled, scrollable fieldset
    (`forms/govuk_picker.html`): every browser, keyboard and screen reader knows how to tick boxes,
    and one stray click cannot undo the choices, as it does in a `<select multiple>` that asks for
    Ctrl-click. With JavaScript (`frontend/js/coopnet.mjs`) the boxes are hidden and a
    type-to-search field (accessible-autocomplete) adds an option, listed below it with a "Remove"
    button; adding and removing tick and untick the same boxes, so the form posts the same values
    either way.

    The first box takes the field's own id, so that the error summary's link lands on the field;
    the script hands that id to the search field, as `AutocompleteSelect`'s select does.
    """

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        *,
        search_label: str | Promise | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(attrs, **kwargs)
        self.search_label = search_label or _("Add one: type part of its name")

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        if index is None or index == "0":
            return id_
        return super().id_for_label(id_, index)


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"


# The longest text a field takes when its form sets no limit of its own: nothing typed into a
# form is unbounded (a 9.5 MB "story" was once accepted). A story or an event's description in
# rich text is the longest thing people write here; a one-line field is a name or a title.
TEXT_LIMITS = {"richtext": 100_000, "textarea": 20_000, "line": 1_000}


def _text_limit(field: forms.CharField) -> int:
    if isinstance(field.widget, RichTextEditor):
        return TEXT_LIMITS["richtext"]
    if isinstance(field.widget, forms.Textarea):
        return TEXT_LIMITS["textarea"]
    return TEXT_LIMITS["line"]


class GovukFormMixin:
    """Adds GOV.UK classes and aria-describedby to every widget of the form, and a length limit
    (`TEXT_LIMITS`) to every text field that has none."""

    fields: dict[str, forms.Field]
    errors: Any
    prefix: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._add_govuk_classes()
        self._limit_text()

    def _limit_text(self) -> None:
        for field in self.fields.values():
            # Hidden fields carry what the site itself wrote (a token, an import's staged rows).
            if (
                type(field) is forms.CharField
                and field.max_length is None
                and not field.widget.is_hidden
            ):
                field.max_length = _text_limit(field)
                field.validators.append(MaxLengthValidator(field.max_length))

    def _add_govuk_classes(self) -> None:
        """Give every widget its GOV.UK class, once: also the fields a form adds in its own
        `__init__` after this one ran (a ballot's candidates), so that no native checkbox or
        radio is drawn over its label for want of `govuk-checkboxes__input`."""
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (c for w, c in WIDGET_CLASSES.items() if isinstance(widget, w)), "govuk-input"
            )
            present = widget.attrs.get("class", "").split()
            if css not in present:
                widget.attrs["class"] = " ".join([css, *present])

    def get_context(self) -> dict[str, Any]:
        self._add_govuk_classes()
        return super().get_context()  # type: ignore[misc]

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


def email_language_choices() -> list[tuple[str, Any]]:
    """A person's language for emails: one of the site's languages, or none chosen (blank, the
    site's own; `coopnet.core.mail.languages_for`)."""
    return [("", _("Not chosen: the site's language")), *settings.LANGUAGES]
