"""The API answers as its OpenAPI description says, for inputs Schemathesis makes up from it.

Every operation of /api/v1/ is called with generated paths and parameters, anonymously and with
a network admin's API token (every scope), in process through the WSGI application, and each
answer is checked: never a server error, a documented status code, the documented content type
and headers, and a body that matches the documented schema. Bounded: a fixed number of examples
per operation, derandomised, so the run takes the same time each time (see docs/api.md).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from coopnet.accounts import services as account_services
from coopnet.accounts.api_scopes import SCOPES
from coopnet.events.tests.factories import EventFactory
from coopnet.knowledge.tests.factories import CaseStudyFactory

pytestmark = pytest.mark.django_db

EXAMPLES = 8
APP = get_wsgi_application()


def _described() -> dict[str, Any]:
    """The description /api/v1/schema/ serves, made the same way (no request, no database)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(_described())
schema.app = APP  # every call, the checks' own calls too, in process
# Not checked: that every request the schema allows is accepted. A filter that names a record
# (`?category=`, `?organisation=`) is checked against the registry, and `compare_to` must not
# be after `as_of`: a made-up value the schema cannot rule out is rightly answered 400.
NOT_CHECKED = [positive_data_acceptance]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Called through the WSGI application, a request's start and end would close the database
    connection the test's transaction is on (Django's test client stops this the same way)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def records(org_a, org_b) -> None:
    """Something to list: two member councils, a public event and a published case study."""
    EventFactory(title="Community wealth building webinar")
    CaseStudyFactory(lead_organisation=org_a)


@pytest.fixture
def token_headers(records, network_admin) -> dict[str, str]:
    _token, key = account_services.api_token_create(
        user=network_admin, name="Schemathesis", scopes=list(SCOPES)
    )
    return {"Authorization": f"Bearer {key}"}


BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_anonymous_callers_as_described(case, records):
    case.call_and_validate(excluded_checks=NOT_CHECKED)


@schema.parametrize()
@BOUNDED
def test_every_operation_answers_a_token_as_described(case, token_headers):
    case.call_and_validate(headers=token_headers, excluded_checks=NOT_CHECKED)
