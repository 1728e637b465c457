from __future__ import annotations

from django import template

from ..selectors import STATUS_LABELS, STATUS_TAGS

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


@register.filter
def status_tag(status: str) -> str:
    return STATUS_TAGS.get(status, "")
