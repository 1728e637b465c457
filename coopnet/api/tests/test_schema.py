"""The OpenAPI 3 description at /api/v1/schema/: valid, complete, and open to anyone."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.urls import reverse
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

# The open data: anyone may read these, and none of them may describe a contact detail.
PUBLIC_REGISTRY_PATHS = {
    "/api/v1/organisations/",
    "/api/v1/organisations/{slug}/",
    "/api/v1/memberships/",
    "/api/v1/stats/membership/",
}
# Every path, so one added by accident is noticed.
PATHS = PUBLIC_REGISTRY_PATHS | {
    "/api/v1/events/",
    "/api/v1/events/{slug}/",
    "/api/v1/my/event-registrations/",
    "/api/v1/groups/",
    "/api/v1/groups/{slug}/",
    "/api/v1/applications/",
    "/api/v1/applications/{id}/",
    "/api/v1/finance/budgets/",
    "/api/v1/finance/budgets/{year}/statement/",
    "/api/v1/finance/invoices/",
    "/api/v1/finance/invoices/{number}/",
    "/api/v1/elections/",
    "/api/v1/elections/{slug}/",
    "/api/v1/funded-projects/",
    "/api/v1/funded-projects/{slug}/",
    "/api/v1/governance/appointments/",
    "/api/v1/governance/bodies/",
    "/api/v1/governance/bodies/{slug}/",
    "/api/v1/governance/meetings/",
    "/api/v1/governance/meetings/{id}/",
    "/api/v1/governance/seats/",
    "/api/v1/case-studies/",
    "/api/v1/case-studies/{slug}/",
    "/api/v1/news/",
    "/api/v1/news/{slug}/",
    "/api/v1/publications/",
    "/api/v1/publications/{slug}/",
    "/api/v1/procurement/arrangements/",
    "/api/v1/procurement/arrangements/{slug}/",
    "/api/v1/procurement/arrangements/{slug}/suppliers/",
    "/api/v1/procurement/evaluation-queue/",
    "/api/v1/my/supplier-applications/",
    "/api/v1/my/call-offs/",
    "/api/v1/learning/programmes/",
    "/api/v1/learning/programmes/{slug}/",
    "/api/v1/learning/frameworks/",
    "/api/v1/learning/frameworks/{version}/",
    "/api/v1/learning/assessments/",
    "/api/v1/learning/assessments/{id}/",
    "/api/v1/learning/reviews/",
    "/api/v1/learning/reviews/{id}/",
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


def _referenced_components(schema: dict[str, Any], paths: set[str]) -> list[Any]:
    """The component schemas the given paths use, directly or through other components."""
    components = schema["components"]["schemas"]
    seen: dict[str, Any] = {}
    pending = [schema["paths"][path] for path in paths]
    while pending:
        text = json.dumps(pending.pop())
        for name in re.findall(r'"#/components/schemas/([^"]+)"', text):
            if name not in seen:
                seen[name] = components[name]
                pending.append(components[name])
    return list(seen.values())


def test_no_contact_field_is_described(schema):
    """Staff-only endpoints (applications, invoices) carry contacts; the public registry never."""
    text = json.dumps(_referenced_components(schema, PUBLIC_REGISTRY_PATHS))
    assert '"#/components/schemas/Organisation"' in text
    for field in ('"email"', '"phone"', '"address"', '"consent_to_contact"'):
        assert field not in text


def test_the_headline_budget_is_a_decimal_string(schema):
    budget = schema["components"]["schemas"]["Headline"]["properties"]["budget"]
    assert budget["type"] == "string"
    assert budget["format"] == "decimal"


def test_the_stats_say_coverage_and_published_figures(schema):
    components = schema["components"]["schemas"]
    figure = components["Figure"]["properties"]
    assert set(figure) == {"key", "computed", "covered", "complete_from", "reported", "differs"}
    assert figure["computed"]["nullable"] is True
    assert set(components["ReportedFigure"]["properties"]) == {
        "value",
        "qualifier",
        "source",
        "note",
    }
    assert components["CategoryCount"]["properties"]["count"]["nullable"] is True
    assert "figures" in components["MembershipStats"]["properties"]
