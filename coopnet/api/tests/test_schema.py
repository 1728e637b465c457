"""The OpenAPI 3 description at /api/v1/schema/: valid, complete, and open to anyone."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/organisations/",
    "/api/v1/organisations/{slug}/",
    "/api/v1/memberships/",
    "/api/v1/stats/membership/",
}


@pytest.fixture
def schema(client) -> dict[str, Any]:
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return json.loads(response.content)


def test_the_schema_is_valid_openapi_3_and_names_every_endpoint(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS


def test_the_schema_is_served_as_yaml_by_default(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def test_every_endpoint_is_read_only(schema):
    methods = {method for item in schema["paths"].values() for method in item}
    assert methods == {"get"}


def parameters(schema: dict[str, Any], path: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}


def test_the_filters_are_described(schema):
    organisations = parameters(schema, "/api/v1/organisations/")
    assert {"kind", "category", "nation", "region", "q", "as_of", "page", "page_size"} <= set(
        organisations
    )
    assert organisations["as_of"]["schema"] == {"type": "string", "format": "date"}
    assert "principal_council" in organisations["kind"]["schema"]["enum"]
    memberships = parameters(schema, "/api/v1/memberships/")
    assert {"category", "organisation", "as_of", "active"} <= set(memberships)
    assert memberships["active"]["schema"] == {"type": "boolean"}
    stats = parameters(schema, "/api/v1/stats/membership/")
    assert set(stats) == {"as_of", "compare_to"}
    assert parameters(schema, "/api/v1/organisations/{slug}/")["as_of"]


def test_no_contact_field_is_described(schema):
    text = json.dumps(schema["components"]["schemas"])
    for field in ('"email"', '"phone"', '"address"', '"consent_to_contact"'):
        assert field not in text


def test_the_headline_budget_is_a_decimal_string(schema):
    budget = schema["components"]["schemas"]["Headline"]["properties"]["budget"]
    assert budget["type"] == "string"
    assert budget["format"] == "decimal"
