"""Money fields: pounds and pence, never negative (the amounts themselves: `coopnet.core.money`)."""

from __future__ import annotations

from typing import Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopnet.core.money import ZERO


def money_field(verbose_name: Any, **kwargs: Any) -> models.DecimalField:
    validators = [MinValueValidator(ZERO, message=_("Enter an amount of £0.00 or more."))]
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, validators=validators, **kwargs
    )
