from __future__ import annotations

from decimal import Decimal

from django import template

from coopnet.core.money import format_money

register = template.Library()


@register.filter
def money(value: Decimal | None) -> str:
    """£1,234.00 (the one way budgets show amounts); empty for no amount."""
    return "" if value is None else format_money(value)
