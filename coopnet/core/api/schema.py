"""What the OpenAPI description says beyond what drf-spectacular works out by itself.

- A public endpoint (`PublicReadOnly`) may be called with no credentials at all: its security
  lists `{}` beside the token and the session.
- An optional query parameter given empty (`?as_of=`) counts as not given: `allowEmptyValue`.
- Every answer the API can give is described, in the one error shape of `api_errors`: 400 where
  an operation takes parameters, 401 (a token that is wrong, revoked or expired), 403 (not
  allowed, or outside the token's scopes), 404 where a path names a record or a list has pages,
  429 (over the rate limit, with `Retry-After`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework.fields import URLField

from .permissions import PublicReadOnly

ERROR = {
    "type": "object",
    "required": ["type", "errors"],
    "properties": {
        "type": {"type": "string", "enum": ["validation_error", "client_error", "server_error"]},
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "detail", "attr"],
                "properties": {
                    "code": {"type": "string"},
                    "detail": {"type": "string"},
                    "attr": {"type": "string", "nullable": True},
                },
            },
        },
    },
}
OUTER_KEYS = ("readOnly", "writeOnly", "description")
ERROR_REF = {"$ref": "#/components/schemas/Error"}
DESCRIPTIONS = {
    "400": "A parameter is wrong (the errors name it).",
    "401": "The API token is wrong, revoked, expired, or its owner's account cannot use it.",
    "403": "Not allowed: sign in, or this account or token may not read it.",
    "404": "No such record, or no such page.",
    "429": "Too many calls: wait the seconds Retry-After gives.",
}


class AutoSchema(SpectacularAutoSchema):
    def _map_serializer_field(self, field: Any, direction: str, *args: Any, **kwargs: Any) -> Any:
        """A web address a record may leave blank is a URI or "" (as drf-spectacular describes
        a choice that may be blank: one of the choices, or the BlankEnum)."""
        schema = super()._map_serializer_field(field, direction, *args, **kwargs)
        if isinstance(field, URLField) and schema.get("format") == "uri" and _blank_allowed(field):
            outer = {
                k: schema.pop(k) for k in ("readOnly", "writeOnly", "description") if k in schema
            }
            return {"oneOf": [schema, {"type": "string", "enum": [""]}], **outer}
        return schema

    def get_auth(self) -> list[dict[str, list[Any]]]:
        auths = super().get_auth()
        public = any(isinstance(p, PublicReadOnly) for p in self.view.get_permissions())
        if public and {} not in auths:
            auths.append({})
        return auths


def _blank_allowed(field: Any) -> bool:
    if getattr(field, "allow_blank", False):
        return True
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None:
        return False
    try:
        return bool(model._meta.get_field(field.source).blank)
    except (AttributeError, LookupError, FieldDoesNotExist):
        return False


def _error(code: str) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": DESCRIPTIONS[code],
        "content": {"application/json": {"schema": ERROR_REF}},
    }
    if code == "429":
        answer["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
    return answer


def document_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: the error answers of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                # `?as_of=` counts as not given, for every optional parameter (docs/api.md).
                if parameter.get("in") == "query" and not parameter.get("required"):
                    parameter["allowEmptyValue"] = True
            names = {p.get("name") for p in parameters}
            codes = ["401", "403", "429"]
            if parameters:
                codes.append("400")
            if "{" in path or "page" in names:
                codes.append("404")
            responses = operation.setdefault("responses", {})
            for code in sorted(codes):
                responses.setdefault(code, _error(code))
    return result
