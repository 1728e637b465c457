"""`{% signup_is_open as open %}`: whether anyone may create an account (`ACCOUNT_ALLOW_SIGNUP`)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_is_open(context: dict[str, Any]) -> bool:
    return bool(get_adapter().is_open_for_signup(context.get("request")))
