"""Who may call the API. Version 1 is read-only open data: anyone may read, nobody may write."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request


class PublicReadOnly(BasePermission):
    """Anyone, signed in or not, may read (GET, HEAD, OPTIONS); every other method is refused.

    The views only define read handlers, so an unsafe method would get 405 anyway; this refuses
    it before any handler runs, so a write added to a view later is not public by accident.
    """

    message = _("This API is read-only.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS
