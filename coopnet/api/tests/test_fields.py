"""How every API query parameter reads dates and yes/no answers."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from rest_framework import serializers

from coopnet.core.api.fields import INVALID_DATE, IsoDateField, StrictBooleanField


@pytest.mark.parametrize(
    ("text", "expected"),
    [("true", True), ("TRUE", True), ("1", True), ("false", False), ("0", False), ("", None)],
)
def test_strict_booleans(text, expected):
    assert StrictBooleanField(required=False).clean(text) is expected


@pytest.mark.parametrize("text", ["yes", "maybe", "2", "on"])
def test_anything_else_is_not_a_boolean(text):
    with pytest.raises(forms.ValidationError):
        StrictBooleanField(required=False).clean(text)


def test_iso_dates():
    assert IsoDateField().run_validation("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text", ["2023-02-29", "2022-13-01", "31/07/2022", "2022-07-31T10:00", "July 2022", "-1"]
)
def test_anything_else_is_not_a_date(text):
    with pytest.raises(serializers.ValidationError) as refused:
        IsoDateField().run_validation(text)
    assert refused.value.detail == [INVALID_DATE]
