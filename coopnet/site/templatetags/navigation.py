from __future__ import annotations

from typing import Any

from django import template

from ..navigation import navigation_for

register = template.Library()


@register.inclusion_tag("site/includes/service_navigation.html", takes_context=True)
def service_navigation(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    return {"items": navigation_for(request.path if request else "/")}
