"""The purchasing arrangements and their call-offs as an OCDS 1.1 release package.

- Each arrangement is one contracting process (its own ocid): a `tender` release whose
  `tender.techniques` says it is a dynamic purchasing system (`hasDynamicPurchasingSystem`) or a
  framework (`hasFrameworkAgreement`), and one `award` release per admission on the same ocid
  (the supplier admitted in a category from a date).
- Each issued call-off is its own ocid, linked to its arrangement by `relatedProcesses` with
  relationship `framework`, with a `tender` release, then `award` and `contract` releases.
- The ocid prefix is the setting `COOPNET_OCID_PREFIX` (default "ocds-ccin00").
The schemas (OCDS 1.1.5 and the techniques extension) are in standards/; tests validate offline.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from coopnet.members.models import Organisation

from .models import Admission, Arrangement, CallOff, Regime

STANDARDS_DIR = Path(__file__).resolve().parent / "standards"
DEFAULT_PREFIX = "ocds-ccin00"
TECHNIQUES_EXTENSION = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_techniques_extension/master/extension.json"
)
NETWORK_PARTY_ID = "network"


def prefix() -> str:
    return str(getattr(settings, "COOPNET_OCID_PREFIX", DEFAULT_PREFIX) or DEFAULT_PREFIX)


def arrangement_ocid(arrangement: Arrangement) -> str:
    return f"{prefix()}-arrangement-{arrangement.pk}"


def call_off_ocid(call_off: CallOff) -> str:
    return f"{prefix()}-calloff-{call_off.pk}"


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _when(day: date) -> str:
    return timezone.make_aware(datetime.combine(day, time(0, 0))).isoformat()


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def party_id(organisation: Organisation) -> str:
    """The org-id of a council (local authority), else its registered id, else a local id."""
    la = organisation.local_authority
    if la is not None and la.org_id:
        return la.org_id
    if organisation.registered_id:
        return organisation.registered_id
    return f"{prefix()}-org-{organisation.slug}"


def _network_party(roles: list[str]) -> dict[str, Any]:
    return {"id": NETWORK_PARTY_ID, "name": settings.NETWORK_NAME, "roles": roles}


def _party(organisation: Organisation, roles: list[str]) -> dict[str, Any]:
    return {"id": party_id(organisation), "name": organisation.name, "roles": roles}


def _techniques(arrangement: Arrangement) -> dict[str, Any]:
    today = timezone.localdate()
    if arrangement.regime == Regime.PA_2023_OPEN_FRAMEWORK:
        return {
            "hasFrameworkAgreement": True,
            "frameworkAgreement": {"method": "withReopeningCompetition"},
        }
    if arrangement.end and arrangement.end < today:
        status = "terminated"
    elif arrangement.start > today:
        status = "pending"
    else:
        status = "active"
    return {
        "hasDynamicPurchasingSystem": True,
        "dynamicPurchasingSystem": {"type": "closed", "status": status},
    }


def arrangement_release(arrangement: Arrangement) -> dict[str, Any]:
    ocid = arrangement_ocid(arrangement)
    period: dict[str, Any] = {"startDate": _when(arrangement.start)}
    if arrangement.end:
        period["endDate"] = _when(arrangement.end)
    today = timezone.localdate()
    return {
        "ocid": ocid,
        "id": f"{ocid}-tender",
        "date": _when(arrangement.start),
        "tag": ["tender"],
        "initiationType": "tender",
        "language": "en",
        "parties": [_network_party(["buyer", "procuringEntity"])],
        "buyer": {"id": NETWORK_PARTY_ID, "name": settings.NETWORK_NAME},
        "tender": {
            "id": f"arrangement-{arrangement.pk}",
            "title": arrangement.name,
            "description": arrangement.description or arrangement.name,
            "status": "active" if arrangement.is_open_on(today) else "complete",
            "procurementMethod": "selective",
            "procurementMethodDetails": arrangement.get_regime_display(),
            "mainProcurementCategory": "services",
            "tenderPeriod": period,
            "items": [
                {"id": category.slug, "description": category.name}
                for category in arrangement.categories.all()
            ],
            "techniques": _techniques(arrangement),
        },
    }


def admission_release(admission: Admission, arrangement: Arrangement) -> dict[str, Any]:
    ocid = arrangement_ocid(arrangement)
    supplier = admission.organisation
    award: dict[str, Any] = {
        "id": f"admission-{admission.pk}",
        "title": f"{supplier.name}: {admission.category.name}",
        "status": "active"
        if admission.end is None or admission.end >= timezone.localdate()
        else "cancelled",
        "suppliers": [{"id": party_id(supplier), "name": supplier.name}],
        "items": [{"id": admission.category.slug, "description": admission.category.name}],
    }
    if admission.start_is_approximate:
        award["description"] = (
            f"Admitted by {admission.start:%d %B %Y} (the source gives no earlier date)."
        )
    else:
        award["date"] = _when(admission.start)
    if admission.end:
        award["contractPeriod"] = {
            "startDate": _when(admission.start),
            "endDate": _when(admission.end),
        }
    return {
        "ocid": ocid,
        "id": f"{ocid}-admission-{admission.pk}",
        "date": _when(admission.start),
        "tag": ["award"],
        "initiationType": "tender",
        "parties": [_network_party(["buyer"]), _party(supplier, ["supplier"])],
        "buyer": {"id": NETWORK_PARTY_ID, "name": settings.NETWORK_NAME},
        "awards": [award],
    }


def _call_off_base(call_off: CallOff, tag: str, when: str) -> dict[str, Any]:
    ocid = call_off_ocid(call_off)
    if call_off.buyer:
        buyer = {"id": party_id(call_off.buyer), "name": call_off.buyer.name}
    else:
        buyer = {"id": NETWORK_PARTY_ID, "name": settings.NETWORK_NAME}
    return {
        "ocid": ocid,
        "id": f"{ocid}-{tag}",
        "date": when,
        "tag": [tag],
        "initiationType": "tender",
        "parties": [{**buyer, "roles": ["buyer", "procuringEntity"]}],
        "buyer": buyer,
        "relatedProcesses": [
            {
                "id": "arrangement",
                "relationship": ["framework"],
                "title": call_off.arrangement.name,
                "scheme": "ocid",
                "identifier": arrangement_ocid(call_off.arrangement),
                "uri": _site(call_off.arrangement.get_absolute_url()),
            }
        ],
    }


def _call_off_tender(call_off: CallOff) -> dict[str, Any]:
    assert call_off.issued_on is not None
    criteria = list(call_off.criteria.all())
    tender: dict[str, Any] = {
        "id": f"calloff-{call_off.pk}",
        "title": call_off.title,
        "description": call_off.requirement,
        "status": "active" if call_off.status == CallOff.Status.ISSUED else "complete",
        "procurementMethod": "selective",
        "procurementMethodDetails": "Call-off",
        "mainProcurementCategory": "services",
        "value": {"amount": _number(call_off.budget), "currency": "GBP"},
        "tenderPeriod": {
            "startDate": _when(call_off.issued_on),
            "endDate": call_off.tender_deadline.isoformat(),
        },
        "awardCriteria": "ratedCriteria",
        "awardCriteriaDetails": "; ".join(f"{c.name}: {c.weight}%" for c in criteria),
        "items": [{"id": call_off.category.slug, "description": call_off.category.name}],
    }
    if call_off.opened_at is not None:
        tender["numberOfTenderers"] = call_off.tenders.count()
    return tender


def call_off_releases(call_off: CallOff) -> list[dict[str, Any]]:
    assert call_off.issued_on is not None
    releases = []
    first = _call_off_base(call_off, "tender", _when(call_off.issued_on))
    first["tender"] = _call_off_tender(call_off)
    releases.append(first)
    award = getattr(call_off, "award", None)
    if award is not None:
        supplier = award.tender.supplier
        value = {"amount": _number(award.tender.price), "currency": "GBP"}
        awarded = _call_off_base(call_off, "award", _when(award.awarded_on))
        awarded["parties"].append(_party(supplier, ["supplier"]))
        awarded["tender"] = _call_off_tender(call_off)
        awarded["awards"] = [
            {
                "id": f"award-{award.pk}",
                "status": "active",
                "date": _when(award.awarded_on),
                "value": value,
                "suppliers": [{"id": party_id(supplier), "name": supplier.name}],
            }
        ]
        releases.append(awarded)
        contract = _call_off_base(call_off, "contract", _when(award.contract_date))
        contract["parties"].append(_party(supplier, ["supplier"]))
        contract["contracts"] = [
            {
                "id": f"contract-{award.pk}",
                "awardID": f"award-{award.pk}",
                "title": call_off.title,
                "status": "active" if award.contract_date <= timezone.localdate() else "pending",
                "value": value,
                "dateSigned": _when(award.contract_date),
            }
        ]
        releases.append(contract)
    return releases


def releases() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    arrangements = Arrangement.objects.prefetch_related("categories").order_by("start", "pk")
    for arrangement in arrangements:
        found.append(arrangement_release(arrangement))
        admissions = (
            Admission.objects.filter(category__arrangement=arrangement)
            .select_related("organisation__local_authority", "category")
            .order_by("start", "pk")
        )
        found.extend(admission_release(a, arrangement) for a in admissions)
    call_offs = (
        CallOff.objects.exclude(status=CallOff.Status.DRAFT)
        .select_related(
            "buyer__local_authority",
            "arrangement",
            "category",
            "award__tender__supplier__local_authority",
        )
        .prefetch_related("criteria")
        .order_by("issued_on", "pk")
    )
    for call_off in call_offs:
        found.extend(call_off_releases(call_off))
    return found


def package() -> dict[str, Any]:
    return {
        "uri": _site(reverse("procurement_open_data:ocds_json")),
        "version": "1.1",
        "extensions": [TECHNIQUES_EXTENSION],
        "publishedDate": timezone.now().replace(microsecond=0).isoformat(),
        "publisher": {"name": settings.NETWORK_NAME},
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "releases": releases(),
    }


def package_json() -> str:
    return json.dumps(package(), ensure_ascii=False, indent=2)
