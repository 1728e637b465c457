from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from ..navigation import addresses, navigation_for

register = template.Library()

# On every page and the same for everyone: rendered once per language, set of addresses and
# marked section (the sections and their addresses do not change while the site runs).
_RENDERED: dict[tuple[object, ...], SafeString] = {}


@register.simple_tag(takes_context=True)
def service_navigation(context: template.Context) -> SafeString:
    request = context.get("request")
    items = navigation_for(request.path if request else "/")
    key = (get_language(), addresses(), tuple((item.current, item.exact) for item in items))
    rendered = _RENDERED.get(key)
    if rendered is None:
        html = render_to_string("site/includes/service_navigation.html", {"items": items})
        rendered = _RENDERED[key] = SafeString(html)
    return rendered
