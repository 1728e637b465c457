"""Query parameters every part of the API parses the same way: ISO dates and strict booleans."""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

ISO_DATE = "%Y-%m-%d"
INVALID_DATE = _("Enter a real date in the form YYYY-MM-DD, for example 2022-07-31.")


def as_of_or_today(value: date | None) -> date:
    return value or timezone.localdate()


class IsoDateField(serializers.DateField):
    """A date given as YYYY-MM-DD, with one clear message for anything else."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [ISO_DATE])
        kwargs.setdefault("error_messages", {"invalid": INVALID_DATE})
        super().__init__(**kwargs)


class IsoDateFilter(django_filters.DateFilter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [ISO_DATE])
        kwargs.setdefault("error_messages", {"invalid": INVALID_DATE})
        super().__init__(*args, **kwargs)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (a year, a count): `0.5` is an error, not a filter on 0.5."""

    field_class = forms.IntegerField


class StrictBooleanField(forms.NullBooleanField):
    """`true`/`false` (or 1/0); anything else is an error rather than silently ignored."""

    widget = forms.TextInput
    TRUE = frozenset({"true", "1"})
    FALSE = frozenset({"false", "0"})

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField
