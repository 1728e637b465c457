"""Template helpers for the knowledge hub: principle icons."""

from __future__ import annotations

from django import template
from django.templatetags.static import static

register = template.Library()


@register.filter
def principle_icon(principle: object) -> str:
    """The static URL of a principle's icon ('' when it has none)."""
    icon = getattr(principle, "icon", "")
    return static(f"knowledge/principles/{icon}.svg") if icon else ""
