"""The API's error shape, in one place (documented in docs/api.md).

Every error answers ``{"type": ..., "errors": [{"code": ..., "detail": ..., "attr": ...}]}``
(the shape of drf-standardized-errors): ``validation_error`` (400) for bad input and for a
`DomainError`, ``client_error`` for 401/403/404/405/429, ``server_error`` for 500.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError


def _flatten(detail: Any, attr: str | None = None) -> list[dict[str, Any]]:
    if isinstance(detail, dict):
        errors: list[dict[str, Any]] = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "detail") else key
            errors.extend(_flatten(value, f"{attr}.{name}" if attr and name else name or attr))
        return errors
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, attr)]
    code = getattr(detail, "code", None) or "invalid"
    return [{"code": str(code), "detail": str(detail), "attr": attr}]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        return Response(
            {
                "type": "validation_error",
                "errors": [{"code": exc.code, "detail": exc.message, "attr": exc.field}],
            },
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    kind = "validation_error" if isinstance(exc, exceptions.ValidationError) else "client_error"
    response.data = {"type": kind, "errors": _flatten(response.data)}
    return response
