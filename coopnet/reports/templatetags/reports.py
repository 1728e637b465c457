from __future__ import annotations

from typing import Any

from django import template

from coopnet.core.reports import shown

register = template.Library()


@register.filter
def shown_figure(value: Any) -> str:
    """A stored figure as it reads: its value, marked when it is a published one."""
    return shown(value)
