"""Template helpers: shareable query strings, pagination windows, figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coopnet.core.money import format_money

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters replaced (None or '' removes them)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def page_window(page: Page, around: int = 2) -> list[int | None]:
    """Page numbers to show: first, last, and a window around the current page; None = gap."""
    last = page.paginator.num_pages
    wanted = {1, last, *range(page.number - around, page.number + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    result: list[int | None] = []
    for n in numbers:
        if result and n - (result[-1] or 0) > 1:
            result.append(None)
        result.append(n)
    return result


@register.filter
def big_number(value: int | Decimal | None) -> str:
    """9123456 -> '9.1m', 15e9 -> '15bn', smaller numbers with separators."""
    if value is None:
        return "—"
    v = Decimal(value)
    if v >= 1_000_000_000:
        return _("%(n)sbn") % {
            "n": number_format(round(v / 1_000_000_000, 1), 1).rstrip("0").rstrip(".")
        }
    if v >= 1_000_000:
        return _("%(n)sm") % {
            "n": number_format(round(v / 1_000_000, 1), 1).rstrip("0").rstrip(".")
        }
    return number_format(v, 0, force_grouping=True)


@register.filter
def money(value: Decimal | int | float | None) -> str:
    """ "£145,000.00": the one way every page, PDF and email shows an amount, in English and
    Welsh alike (`coopnet.core.money.format_money`); empty for no amount."""
    return format_money(value)


@register.filter
def pounds(value: Decimal | int | float | None) -> str:
    """ "£20,000": a cap or a pot in whole pounds, the `money` rule without pence."""
    return format_money(value, pence=False)


@register.filter
def big_money(value: int | Decimal | None) -> str:
    """A headline amount: "£15bn", "£9.1m" (`big_number` with the pound sign)."""
    return "—" if value is None else f"£{big_number(value)}"
