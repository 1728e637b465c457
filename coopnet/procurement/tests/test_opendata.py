"""/open-data/ocds.json: an OCDS 1.1 release package with the techniques extension, validated
offline against the copies in coopnet/procurement/standards/."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from coopnet.procurement import opendata, services
from coopnet.procurement.models import Admission

from .factories import AdmissionFactory

pytestmark = pytest.mark.django_db

CORE = opendata.STANDARDS_DIR / "ocds-1.1.5"
TECHNIQUES = opendata.STANDARDS_DIR / "ocds-techniques-extension"
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"


def merge_patch(target: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386): objects merge recursively, null removes, others replace."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def release_schema() -> dict[str, Any]:
    core = json.loads((CORE / "release-schema.json").read_text())
    extension = json.loads((TECHNIQUES / "release-schema.json").read_text())
    return merge_patch(core, extension)


def package_validator() -> Draft4Validator:
    package_schema = json.loads((CORE / "release-package-schema.json").read_text())
    registry: Registry = Registry().with_resource(
        RELEASE_URL, Resource.from_contents(release_schema(), default_specification=DRAFT4)
    )
    return Draft4Validator(package_schema, registry=registry, format_checker=FormatChecker())


def errors_of(package: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
        for e in package_validator().iter_errors(package)
    ]


def test_the_merge_adds_the_techniques_to_the_tender():
    schema = release_schema()
    assert "techniques" in schema["definitions"]["Tender"]["properties"]
    assert "title" in schema["definitions"]["Tender"]["properties"]  # core fields kept


@pytest.fixture
def full_process(arrangement, category, admitted, org_a, officer_a):
    AdmissionFactory(category=category, start_is_approximate=True, start=date(2022, 7, 31))
    call_off = services.calloff_create(
        arrangement=arrangement,
        category=category,
        buyer=org_a,
        title="Review",
        requirement="Review our spend.",
        budget=Decimal("9000"),
        criteria=[("Quality", 70), ("Price", 30)],
        tender_deadline=timezone.now() + timedelta(days=12),
        by=officer_a,
    )
    services.calloff_issue(call_off=call_off, by=officer_a)
    tenders = [
        services.tender_submit(
            call_off=call_off, supplier=org, response="Plan", price=Decimal(8000 + n), by=user
        )
        for n, (org, user) in enumerate(admitted)
    ]
    services.tenders_open(call_off=call_off, by=officer_a, at=call_off.tender_deadline)
    for tender in tenders:
        services.tender_score(
            tender=tender, marks={c.pk: Decimal(6) for c in call_off.criteria.all()}, by=officer_a
        )
    services.calloff_award(call_off=call_off, tender=tenders[0], reasons="Best", by=officer_a)
    return call_off


def test_the_package_validates_and_links_call_offs_to_the_arrangement(
    client, arrangement, full_process, settings
):
    settings.COOPNET_OCID_PREFIX = "ocds-test01"
    response = client.get(reverse("procurement_open_data:ocds_json"))
    assert response.status_code == 200
    package = response.json()
    assert errors_of(package) == []
    releases = package["releases"]
    arrangement_ocid = f"ocds-test01-arrangement-{arrangement.pk}"
    tender = next(r for r in releases if r["ocid"] == arrangement_ocid and r["tag"] == ["tender"])
    assert tender["tender"]["techniques"]["hasDynamicPurchasingSystem"] is True
    admissions = [r for r in releases if r["ocid"] == arrangement_ocid and r["tag"] == ["award"]]
    assert len(admissions) == Admission.objects.count() == 3
    approximate = [r for r in admissions if "date" not in r["awards"][0]]
    assert len(approximate) == 1
    assert "by 31 July 2022" in approximate[0]["awards"][0]["description"]
    call_off_ocid = f"ocds-test01-calloff-{full_process.pk}"
    tags = [r["tag"][0] for r in releases if r["ocid"] == call_off_ocid]
    assert tags == ["tender", "award", "contract"]
    link = next(r for r in releases if r["ocid"] == call_off_ocid)["relatedProcesses"][0]
    assert link["relationship"] == ["framework"]
    assert link["identifier"] == arrangement_ocid


def test_a_draft_call_off_is_not_published(arrangement, category, org_a, officer_a):
    services.calloff_create(
        arrangement=arrangement,
        category=category,
        buyer=org_a,
        title="Draft",
        requirement="r",
        budget=Decimal("1"),
        criteria=[("Quality", 100)],
        tender_deadline=timezone.now() + timedelta(days=12),
        by=officer_a,
    )
    package = opendata.package()
    assert errors_of(package) == []
    assert not any("calloff" in r["ocid"] for r in package["releases"])


def test_an_open_framework_says_so(arrangement):
    arrangement.regime = "pa2023_open_framework"
    arrangement.save()
    package = opendata.package()
    assert errors_of(package) == []
    techniques = package["releases"][0]["tender"]["techniques"]
    assert techniques["hasFrameworkAgreement"] is True
    assert "hasDynamicPurchasingSystem" not in techniques
