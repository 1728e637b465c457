"""The progress chart: mean score per principle for each assessment, drawn as SVG (pygal) and shown
as an image (`coopnet.core.charts`), always beside a data table with the same numbers."""

from __future__ import annotations

import re

import pygal
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from pygal.style import Style

from coopnet.core.charts import svg_image

from .selectors import Progress

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    font_family="Arial, sans-serif",
    colors=("#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#f47738", "#505a5f"),
)


def progress_svg(progress: Progress) -> SafeString:
    """A bar chart (principles across, one bar per assessment); no scripts, no external files."""
    chart = pygal.HorizontalBar(
        style=STYLE,
        js=[],
        range=(0, 4),
        width=800,
        height=120 + 45 * len(progress.principles),
        show_legend=True,
        legend_at_bottom=True,
        title=_("Mean rating per principle"),
        disable_xml_declaration=True,
    )
    chart.x_labels = [_(p.name) for p in progress.principles]
    for index, assessment in enumerate(progress.assessments):
        label = assessment.started_on.strftime("%Y-%m-%d")
        chart.add(label, [row[1][index] for row in progress.rows])
    svg = chart.render(is_unicode=True, disable_xml_declaration=True)
    svg = re.sub(r"<script.*?</script>", "", svg, flags=re.S)  # a picture, not a program
    label = _("Chart of the mean rating per principle; the table gives the same figures.")
    return svg_image(svg, label)
