"""Template helpers: shareable query strings, pagination windows, figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.formats import number_format
from django.utils.translation import gettext as _

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
