"""Funded projects as 360Giving Data Standard 1.4.3 grants (JSON package and flat CSV).

Only projects with a known amount and award date are grants here: historical projects whose
amount the network never published are left out rather than shown with a cap as an amount.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from coopnet.core import csvfiles
from coopnet.members.models import Organisation

from .models import Project

SCHEMA_DIR = Path(__file__).resolve().parent / "standards" / "360giving-1.4.3"
DEFAULT_PREFIX = "360G-ccin"


def prefix() -> str:
    """The publisher's 360Giving prefix (always starts '360G-')."""
    value = str(getattr(settings, "COOPNET_360GIVING_PREFIX", DEFAULT_PREFIX))
    return value if value.startswith("360G-") else f"360G-{value}"


def funder() -> dict[str, str]:
    org_id = str(getattr(settings, "COOPNET_FUNDER_ORG_ID", "") or f"{prefix()}-network")
    return {"id": org_id, "name": settings.NETWORK_NAME}


def organisation_id(organisation: Organisation) -> str:
    """Org-id: the council's local-authority identifier, else the registered id, else local."""
    la = organisation.local_authority
    if la is not None and la.org_id:
        return la.org_id
    if organisation.registered_id:
        return organisation.registered_id
    return f"{prefix()}-org-{organisation.slug}"


def grants_queryset() -> QuerySet[Project]:
    return (
        Project.objects.filter(
            is_published=True, amount__isnull=False, awarded_on__isnull=False, lead__isnull=False
        )
        .select_related("lead__local_authority", "scheme", "round")
        .order_by("awarded_on", "pk")
    )


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def grant(project: Project) -> dict[str, Any]:
    assert project.amount is not None
    assert project.awarded_on is not None
    assert project.lead
    item: dict[str, Any] = {
        "id": f"{prefix()}-{project.pk}",
        "title": project.title,
        "description": project.summary or project.title,
        "currency": "GBP",
        "amountAwarded": _number(project.amount),
        "awardDate": project.awarded_on.isoformat(),
        "recipientOrganization": [{"id": organisation_id(project.lead), "name": project.lead.name}],
        "fundingOrganization": [funder()],
        "grantProgramme": [
            {
                "code": project.scheme.slug,
                "title": project.scheme.name,
                "url": _site(reverse("funding:rounds")),
            }
        ],
        "url": _site(project.get_absolute_url()),
    }
    if project.starts_on and project.ends_on:
        item["plannedDates"] = [
            {"startDate": project.starts_on.isoformat(), "endDate": project.ends_on.isoformat()}
        ]
    return item


def package(projects: Iterable[Project] | None = None) -> dict[str, Any]:
    grants = [grant(p) for p in (grants_queryset() if projects is None else projects)]
    now = timezone.now().replace(microsecond=0).isoformat()
    return {
        "grants": grants,
        "version": "1.4",
        "title": f"{settings.NETWORK_NAME}: funded projects",
        "issued": now,
        "modified": now,
        "publisher": {"name": settings.NETWORK_NAME, "identifier": funder()["id"]},
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }


def package_json() -> str:
    return json.dumps(package(), ensure_ascii=False, indent=2)


CSV_COLUMNS = [
    ("Identifier", lambda g: g["id"]),
    ("Title", lambda g: g["title"]),
    ("Description", lambda g: g["description"]),
    ("Currency", lambda g: g["currency"]),
    ("Amount Awarded", lambda g: g["amountAwarded"]),
    ("Award Date", lambda g: g["awardDate"]),
    ("Planned Dates:Start Date", lambda g: (g.get("plannedDates") or [{}])[0].get("startDate", "")),
    ("Planned Dates:End Date", lambda g: (g.get("plannedDates") or [{}])[0].get("endDate", "")),
    ("Recipient Org:Identifier", lambda g: g["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda g: g["recipientOrganization"][0]["name"]),
    ("Funding Org:Identifier", lambda g: g["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda g: g["fundingOrganization"][0]["name"]),
    ("Grant Programme:Code", lambda g: g["grantProgramme"][0]["code"]),
    ("Grant Programme:Title", lambda g: g["grantProgramme"][0]["title"]),
    ("URL", lambda g: g["url"]),
]


def package_csv() -> str:
    """The same grants in 360Giving's flat (spreadsheet) form, one row per grant."""
    out = io.StringIO()
    writer = csvfiles.writer(out)
    writer.writerow([title for title, _get in CSV_COLUMNS])
    for item in package()["grants"]:
        writer.writerow([get(item) for _title, get in CSV_COLUMNS])
    return out.getvalue()
