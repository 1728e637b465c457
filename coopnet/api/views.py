"""The API's own pages: the index of endpoints and the human-readable documentation.

The documentation is rendered on the server from the OpenAPI schema, so it loads nothing from
the internet and works without JavaScript (Swagger UI and Redoc would need their assets from a
CDN, or the drf-spectacular-sidecar package).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from coopnet.core.api.permissions import PublicReadOnly

HTTP_METHODS = ("get", "head", "options", "post", "put", "patch", "delete")
ROOT_LINKS = {
    "organisations": "api:organisation-list",
    "memberships": "api:membership-list",
    "membership_stats": "api:membership-stats",
    "schema": "api:schema",
    "docs": "api:docs",
}


class ApiRootView(APIView):
    """Links to every part of API version 1."""

    permission_classes = [PublicReadOnly]

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response({key: reverse(name, request=request) for key, name in ROOT_LINKS.items()})


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    kind = schema.get("format") or schema.get("type", "")
    return {
        "name": parameter["name"],
        "location": parameter.get("in", ""),
        "required": parameter.get("required", False),
        "type": kind,
        "choices": schema.get("enum", []),
        "description": parameter.get("description", ""),
    }


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of an OpenAPI document, in path order, flattened for a template."""
    result = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            result.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(p) for p in operation.get("parameters", [])],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return result


@login_not_required
@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return render(
        request,
        "api/docs.html",
        {"info": schema.get("info", {}), "endpoints": endpoints(schema)},
    )


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any address under /api/v1/ that names nothing: 404 in the API's error shape (JSON), for
    every method, rather than the site's HTML page."""

    permission_classes = [AllowAny]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.args, self.kwargs = args, kwargs
        self.request = self.initialize_request(request, *args, **kwargs)
        self.headers = self.default_response_headers
        response = self.handle_exception(NotFound())
        self.response = self.finalize_response(self.request, response, *args, **kwargs)
        return self.response
