"""Every money field of every form reads what people type with the one money parser: "£5" and
"1,000" are amounts everywhere, and "1e309" is refused with the same message, in both languages,
never a server error or a bare "Enter a number."."""

from __future__ import annotations

import importlib
import pkgutil
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

import coopnet
from coopnet.core.forms import MoneyField
from coopnet.funding.forms import ReportForm
from coopnet.procurement.forms import TenderForm

REFUSED = "Enter an amount in pounds and pence using numbers only, like 3,500.00."


def _all_form_classes() -> set[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(coopnet.__path__, "coopnet."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)
    found: set[type[forms.BaseForm]] = set()
    todo: list[type[forms.BaseForm]] = [forms.Form, forms.ModelForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return {cls for cls in found if cls.__module__.startswith("coopnet.")}


def test_every_field_in_pounds_is_a_money_field():
    with translation.override("en"):
        in_pounds = [
            f"{cls.__module__}.{cls.__name__}.{name}"
            for cls in _all_form_classes()
            for name, field in cls.base_fields.items()
            if "£" in str(field.label or "") and not isinstance(field, MoneyField)
        ]
    assert in_pounds == []


@pytest.mark.parametrize(("typed", "amount"), [("£5", "5.00"), ("1,000", "1000.00")])
def test_a_tender_price_and_a_project_spend_read_pounds_as_people_type_them(typed, amount):
    tender = TenderForm({"response": "We can do it.", "price": typed})
    assert tender.is_valid(), tender.errors
    assert tender.cleaned_data["price"] == Decimal(amount)
    report = ReportForm({"progress": "Going well.", "spend_to_date": typed})
    assert report.is_valid(), report.errors
    assert report.cleaned_data["spend_to_date"] == Decimal(amount)


def test_an_amount_that_is_not_money_is_refused_in_english_and_welsh():
    tender = TenderForm({"response": "We can do it.", "price": "1e309"})
    assert tender.errors["price"] == [REFUSED]
    with translation.override("cy"):
        welsh = TenderForm({"response": "We can do it.", "price": "1e309"})
        assert welsh.errors["price"][0].startswith("Rhowch swm mewn punnoedd a cheiniogau")
