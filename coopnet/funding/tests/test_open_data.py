"""The 360Giving files validate against the schema, offline, with format checking."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from coopnet.funding import opendata
from coopnet.funding.models import Project, Scheme
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

pytestmark = pytest.mark.django_db


def validator() -> Draft202012Validator:
    grant_schema = json.loads((opendata.SCHEMA_DIR / "360-giving-schema.json").read_text())
    package_schema = json.loads(
        (opendata.SCHEMA_DIR / "360-giving-package-schema.json").read_text()
    )
    assert package_schema["$schema"] == "http://json-schema.org/draft/2020-12/schema"
    assert grant_schema["$schema"] == "http://json-schema.org/draft/2020-12/schema"
    # "$schema" is the http:// spelling of Draft 2020-12, which `referencing` does not detect by
    # itself: say which specification the resources follow.
    registry = Registry().with_resources(
        [(s["$id"], DRAFT202012.create_resource(s)) for s in (grant_schema, package_schema)]
    )
    Draft202012Validator.check_schema(package_schema)
    return Draft202012Validator(
        package_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture
def grants(org_a, db):
    lab = Scheme.objects.get(kind="lab")
    town = CouncilFactory(la_code="BDG")
    town.local_authority = None
    town.kind = "affiliate_organisation"
    town.registered_id = "GB-COH-01234567"
    town.save()
    MembershipFactory(organisation=town, category=category("affiliate"))
    known = Project.objects.create(
        slug="known",
        scheme=lab,
        title="Co-operative care",
        summary="Care co-operatives",
        lead=org_a,
        amount=Decimal("9500.50"),
        awarded_on=date(2022, 3, 1),
        starts_on=date(2022, 4, 1),
        ends_on=date(2023, 3, 31),
    )
    Project.objects.create(
        slug="registered",
        scheme=lab,
        title="Second",
        lead=town,
        amount=Decimal(1500),
        awarded_on=date(2022, 3, 1),
    )
    Project.objects.create(slug="unknown", scheme=lab, title="No amount", lead=org_a)
    Project.objects.create(
        slug="hidden",
        scheme=lab,
        title="Hidden",
        lead=org_a,
        amount=Decimal(1),
        awarded_on=date(2022, 3, 1),
        is_published=False,
    )
    return known


def test_json_validates_and_carries_the_fields(client, grants, settings, org_a):
    settings.COOPNET_360GIVING_PREFIX = "360G-testnet"
    settings.COOPNET_FUNDER_ORG_ID = "GB-LAE-OLD"
    response = client.get("/open-data/360giving.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, [e.message for e in errors]
    by_title = {g["title"]: g for g in data["grants"]}
    assert set(by_title) == {"Co-operative care", "Second"}  # only known amounts, only published
    care = by_title["Co-operative care"]
    assert care["id"] == f"360G-testnet-{grants.pk}"
    assert care["amountAwarded"] == 9500.5
    assert care["recipientOrganization"] == [{"id": "GB-LAE-OLD", "name": org_a.name}]
    assert care["fundingOrganization"][0]["id"] == "GB-LAE-OLD"
    assert care["grantProgramme"][0]["code"] == "policy-lab"
    assert care["plannedDates"] == [{"startDate": "2022-04-01", "endDate": "2023-03-31"}]
    assert by_title["Second"]["recipientOrganization"][0]["id"] == "GB-COH-01234567"


def test_a_bad_file_fails_validation(grants):
    data = opendata.package()
    data["grants"][0]["awardDate"] = "1 March 2022"
    del data["grants"][0]["currency"]
    assert len(list(validator().iter_errors(data))) >= 1


def test_prefix_is_always_360g(settings):
    settings.COOPNET_360GIVING_PREFIX = "ccin"
    assert opendata.prefix() == "360G-ccin"


def test_csv_has_the_same_grants(client, grants):
    response = client.get("/open-data/360giving.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["Title"] for r in rows] == ["Co-operative care", "Second"]
    assert rows[0]["Amount Awarded"] == "9500.5"
    assert rows[0]["Grant Programme:Title"] == "Policy Lab"
