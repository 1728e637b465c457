"""Money is shown one way everywhere: the `money` filter, built on `format_money`."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

CODE = Path(__file__).resolve().parents[2]
# A pound sign written before a template value prints the value unformatted ("£7000.0").
RAW_MONEY = re.compile(r"£\{\{|&pound;|£\s*\{\{")


def test_no_template_prints_unformatted_money():
    offenders = [
        f"{path.relative_to(CODE)}:{n}"
        for path in [*CODE.rglob("*.html"), *CODE.rglob("*.txt")]
        if "tests" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RAW_MONEY.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("145000"), "£145,000.00"),
        (Decimal("3500.5"), "£3,500.50"),
        ("250", "£250.00"),
        (Decimal("-12.5"), "-£12.50"),
        (None, ""),
    ],
)
def test_the_money_filter_is_the_same_in_english_and_welsh(language, amount, shown):
    with translation.override(language):
        rendered = Template("{% load coopnet %}{{ amount|money }}").render(
            Context({"amount": amount})
        )
    assert rendered == shown
