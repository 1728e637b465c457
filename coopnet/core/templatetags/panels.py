"""`{% show_panel panel %}`: render a panel another app registered (`coopnet.core.panels`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coopnet.core.panels import ShownPanel

register = template.Library()


@register.simple_tag(takes_context=True)
def show_panel(context: template.Context, panel: ShownPanel) -> SafeString:
    request: Any = context.get("request")
    return render_to_string(panel.template, panel.context, request=request)
