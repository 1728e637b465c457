"""Open data: an index page and the 360Giving files."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coopnet.core.opendata import open_datasets

from .. import opendata


@login_not_required
def index(request: HttpRequest) -> HttpResponse:
    """Every app's open data, as each registered it (`coopnet.core.opendata`)."""
    return render(request, "funding/open_data.html", {"datasets": open_datasets(request)})


def index_context(request: HttpRequest) -> dict[str, object]:
    return {"grant_count": opendata.grants_queryset().count(), "prefix": opendata.prefix()}


@login_not_required
def giving_json(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(opendata.package_json(), content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_not_required
def giving_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(opendata.package_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="360giving.csv"'
    return response
