"""The OCDS release package of the purchasing arrangements and their call-offs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse

from .. import opendata


@login_not_required
def ocds_json(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(opendata.package_json(), content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response
