"""Each measure as a chart over the years (pygal, server-rendered SVG, no script), the same SVG
for the page and the PDF. The data table beside it is the accessible alternative; the SVG itself
carries a <title> and <desc> naming every value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

import pygal
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

from coopnet.core.charts import svg_image
from coopnet.core.figures import Figure
from coopnet.core.templatetags.figures import figure_text, format_value

from .models import Measure


class ChartRow(Protocol):
    """A measure and its figures, one per year (selectors.MeasureRow)."""

    measure: Measure
    figures: list[Figure]
    computed_here: bool


STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    font_family="Arial, sans-serif",
    # computed, published, target: dark enough on white (WCAG AA for graphics)
    colors=("#1d70b8", "#505a5f", "#00703c"),
)


def _number(v: object) -> float | None:
    return None if v is None else float(v)  # type: ignore[arg-type]


def row_chart_svg(row: ChartRow, labels: Sequence[str]) -> SafeString:
    """The chart of one measure row (the dashboard's years)."""
    m = row.measure
    chart = pygal.Line(
        style=STYLE,
        js=[],
        width=640,
        height=320,
        show_legend=True,
        legend_at_bottom=True,
        include_x_axis=True,
        allow_interruptions=True,
        dots_size=4,
        title=m.name,
        disable_xml_declaration=True,
        no_data_text=_("Not recorded"),
    )
    chart.x_labels = labels
    computed = [_number(f.computed) if f.recorded else None for f in row.figures]
    published = [_number(f.reported[0].value) if f.reported else None for f in row.figures]
    if row.computed_here and any(v is not None for v in computed):
        chart.add(_("Computed from the records"), computed)
    if any(v is not None for v in published):
        chart.add(_("Published"), published)
    if m.target_number is not None:
        chart.add(
            _("Target"), [_number(m.target_number)] * len(labels), stroke_style={"dasharray": "6,4"}
        )
    svg = chart.render(is_unicode=True, disable_xml_declaration=True)
    svg = re.sub(r"<script.*?</script>", "", svg, flags=re.S)  # a picture, not a program
    svg = re.sub(r"<title>.*?</title>", "", svg, count=1, flags=re.S)
    title_text, desc_text = chart_text(row, labels)
    title, desc = escape(title_text), escape(desc_text)
    ident = f"measure-{m.pk}"
    head = f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" focusable="false" '
    svg = svg.replace("<svg ", head, 1)
    inside = f'<title id="{ident}-title">{title}</title><desc id="{ident}-desc">{desc}</desc>'
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + inside, svg, count=1)
    # pygal names each chart by a random id: name it by the measure, so a page or a PDF built
    # twice from the same data is the same, and several charts can share a page.
    svg = re.sub(
        r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", f"chart-{ident}", svg
    )
    return mark_safe(svg)


def chart_text(row: ChartRow, labels: Sequence[str]) -> tuple[str, str]:
    """What a measure's chart shows, in words: its title and a description of every value."""
    m = row.measure
    values = "; ".join(
        f"{label}: {figure_text(f, m.unit)}" for label, f in zip(labels, row.figures, strict=True)
    )
    target = m.get_target_kind_display()
    if m.target_number is not None:
        target = f"{target} {figure_text_number(m.target_number, m.unit)}"
    title = _("Chart of %(measure)s by year") % {"measure": m.name}
    desc = _(
        "%(values)s. Target: %(target)s. The table beside the chart gives the same figures."
    ) % {
        "values": values,
        "target": target,
    }
    return title, desc


def row_chart_image(row: ChartRow, labels: Sequence[str]) -> SafeString:
    """The chart for a page: the same SVG as an image, so the page keeps its no-inline-style
    policy (`coopnet.core.charts`), described in words by its alt text."""
    title, desc = chart_text(row, labels)
    return svg_image(str(row_chart_svg(row, labels)), f"{title}. {desc}")


def figure_text_number(value: Decimal, fmt: str) -> str:
    return format_value(value, fmt)
