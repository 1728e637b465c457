"""Who may call the API. Version 1 is read-only open data: anyone may read, nobody may write."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request


class PublicReadOnly(BasePermission):
    """Anyone, signed in or not, may read (GET, HEAD, OPTIONS); every other method gets 405.

    The views define only read handlers, so an unsafe method would get 405 anyway; this refuses
    it before any handler runs, so a write added to a view later is not public by accident, and
    everyone (signed in or not) gets the same answer rather than a misleading "sign in" 403.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return True
