"""Template helpers: shareable query strings, pagination windows, figures, parts of a page that
are the same for everyone."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from coopnet.core.caching import same_for_everyone
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


class SameForEveryoneNode(template.Node):
    def __init__(self, name: str, parts: list[template.base.FilterExpression], nodelist: Any):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context: template.Context) -> SafeString:
        parts = [part.resolve(context) for part in self.parts]
        content = same_for_everyone(
            context["request"], self.name, parts, lambda: self.nodelist.render(context)
        )
        return mark_safe(content)  # rendered, and escaped, by the template


@register.tag("same_for_everyone")
def do_same_for_everyone(parser: template.base.Parser, token: template.base.Token) -> Any:
    """`{% same_for_everyone "name" [value ...] %}...{% endsame_for_everyone %}`: a part of a
    page every viewer sees alike, remembered until public content changes
    (`coopnet.core.caching.same_for_everyone`). Nothing inside may depend on who is looking
    unless it is one of the values, which join the key."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name, then any values")
    nodelist = parser.parse(("endsame_for_everyone",))
    parser.delete_first_token()
    return SameForEveryoneNode(
        bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]], nodelist
    )
