"""Showing a `coopnet.core.figures.Figure`: `{% load figures %}{% show_figure f %}`.

One partial for every page and report that prints a figure: the computed value when the records
cover the date, otherwise "Not recorded" with the published figure marked as such and its source;
a computed value that disagrees with a published one is flagged, with both sources named.

Options: `format` is "number" (default), "money", "big" (9.1m, 15bn), "big-money" (£15bn) or
"percent"; `compact=True`
leaves the sources out of the line (for table cells whose sources are listed elsewhere: the
difference flag stays).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coopnet.core.figures import Figure, Reported
from coopnet.core.money import format_money

from .coopnet import big_number

register = template.Library()

FORMATS = ("number", "money", "big", "big-money", "percent")


def format_value(value: Decimal | int | None, fmt: str = "number") -> str:
    """A figure's number as the page prints it ("" for None)."""
    if value is None:
        return ""
    v = Decimal(value)
    if fmt == "money":
        return format_money(v, pence=False)
    if fmt == "big":
        return big_number(v)
    if fmt == "big-money":
        return "£" + big_number(v)
    text = number_format(v.normalize() if v != v.to_integral() else int(v), force_grouping=True)
    if fmt == "percent":
        return _("%(n)s%%") % {"n": text}
    return text


def qualified(reported: Reported, fmt: str = "number") -> str:
    """ "over 300": a published figure with its qualifier."""
    text = format_value(reported.value, fmt)
    qualifiers = {"over": _("over %(n)s"), "about": _("about %(n)s"), "nearly": _("nearly %(n)s")}
    if reported.qualifier in qualifiers:
        return qualifiers[reported.qualifier] % {"n": text}
    if reported.qualifier:
        return f"{reported.qualifier} {text}"
    return text


@register.filter
def figure_text(f: Figure | None, fmt: str = "number") -> str:
    """The figure as plain text (alt text, CSV, charts); "Not recorded" when nothing is known."""
    if f is None or f.value is None:
        return _("Not recorded")
    if f.from_reported:
        return qualified(f.reported[0], fmt)
    return format_value(f.value, fmt)


@register.inclusion_tag("core/includes/figure.html")
def show_figure(f: Figure | None, format: str = "number", compact: bool = False) -> dict[str, Any]:
    fmt = format if format in FORMATS else "number"
    if f is None:
        return {"state": "missing"}
    published = [
        {"text": qualified(r, fmt), "source": r.source, "note": r.note, "exact": r.exact}
        for r in f.reported
    ]
    if f.recorded:
        state = "computed"
    elif f.reported:
        state = "reported"
    else:
        state = "missing"
    return {
        "state": state,
        "figure": f,
        "computed": format_value(f.computed, fmt),
        "shown": published[0]["text"] if state == "reported" else "",
        "published": published,
        "others": published[1:] if state == "reported" else published,
        "differs": f.differs,
        "compact": compact,
    }
