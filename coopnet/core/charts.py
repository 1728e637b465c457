"""Charts on pages: a server-drawn SVG shown as an image.

An SVG put inline into a page brings its own `<style>` element and style attributes, which the
Content-Security-Policy refuses (no inline style). Shown as `<img src="data:image/svg+xml;...">` it
is a picture: its styles apply inside it, it cannot run anything, the page's policy is kept, and
the same markup works in WeasyPrint's PDFs. The `alt` text says what the chart shows; a data table
with the same figures stays beside every chart as its accessible alternative.
"""

from __future__ import annotations

import base64

from django.utils.html import format_html
from django.utils.safestring import SafeString


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def svg_image(svg: str, alt: str, css_class: str = "coopnet-chart") -> SafeString:
    """An `<img>` showing `svg`, described by `alt`."""
    return format_html('<img class="{}" src="{}" alt="{}">', css_class, svg_data_uri(svg), alt)
