"""Money fields: pounds and pence, never negative."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")


def pounds(value: Decimal | int | str) -> Decimal:
    """Round to whole pence, half up (how a ledger rounds)."""
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


def money_field(verbose_name: Any, **kwargs: Any) -> models.DecimalField:
    validators = [MinValueValidator(ZERO, message=_("Enter an amount of £0.00 or more."))]
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, validators=validators, **kwargs
    )


def year_label(year: int) -> str:
    """2024 -> '2024/25': the membership year that starts on 1 August 2024."""
    return f"{year}/{(year + 1) % 100:02d}"
