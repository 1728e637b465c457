"""Template helpers for governance pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


@register.filter
def paragraphs_and_bullets(text: str) -> SafeString:
    """Text stored as data, translated, shown as paragraphs with '- ' lines as a bulleted list."""
    text = gettext(text) if text else ""
    out: list[SafeString] = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            items = format_html_join("", "<li>{}</li>", ((b,) for b in bullets))
            out.append(format_html('<ul class="govuk-list govuk-list--bullet">{}</ul>', items))
            bullets.clear()

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            bullets.append(line[2:])
        else:
            flush()
            if line:
                out.append(format_html('<p class="govuk-body">{}</p>', line))
    flush()
    return SafeString("".join(out))
