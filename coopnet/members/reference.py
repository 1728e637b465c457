"""Loading the UK local authority reference table and the membership categories."""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_noop

DATA_DIR = Path(__file__).resolve().parent / "data"
LA_FILE = DATA_DIR / "uk_local_authorities.csv"
LOOKUP_FILE = DATA_DIR / "lookup_name_to_registry.csv"


def _decimal(value: str, places: int) -> Decimal | None:
    try:
        return round(Decimal(value), places) if value else None
    except InvalidOperation:
        return None


def load_local_authorities(LocalAuthority: Any) -> int:
    """Create or update every row; link combined authorities. Returns the number of rows."""
    with LA_FILE.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    existing = set(LocalAuthority.objects.values_list("code", flat=True))
    objects = []
    for r in rows:
        pop = _decimal(r["pop-2020"], 0)
        objects.append(
            LocalAuthority(
                code=r["local-authority-code"],
                official_name=r["official-name"],
                nice_name=r["nice-name"],
                gss_code=r["gss-code"],
                la_type=r["local-authority-type"],
                la_type_name=r["local-authority-type-name"],
                nation=r["nation"],
                region=r["region"],
                population=int(pop) if pop is not None else None,
                latitude=_decimal(r["lat"], 6),
                longitude=_decimal(r["long"], 6),
                register_code=r["old-register-and-code"],
                start_date=r["start-date"] or None,
                end_date=r["end-date"] or None,
                alt_names=r["alt-names"],
            )
        )
    fields = [
        f.name for f in LocalAuthority._meta.fields if f.name not in ("code", "combined_authority")
    ]
    LocalAuthority.objects.bulk_create([o for o in objects if o.code not in existing])
    LocalAuthority.objects.bulk_update([o for o in objects if o.code in existing], fields)
    codes = {r["local-authority-code"] for r in rows}
    for r in rows:
        ca = r["combined-authority"]
        if ca and ca in codes:
            LocalAuthority.objects.filter(code=r["local-authority-code"]).update(
                combined_authority_id=ca
            )
    return len(rows)


def name_lookup() -> dict[str, str]:
    """Lower-cased alternative names -> local authority code."""
    with LOOKUP_FILE.open(newline="", encoding="utf-8") as fh:
        return {
            row["la-name"].strip().lower(): row["local-authority-code"]
            for row in csv.DictReader(fh)
        }


# Nations as the reference table names them, translated where they are shown.
NATIONS = (
    gettext_noop("England"),
    gettext_noop("Scotland"),
    gettext_noop("Wales"),
    gettext_noop("Northern Ireland"),
)

# Regions as the reference table names them (England's nine; each other nation is its own).
REGIONS = (
    gettext_noop("North East"),
    gettext_noop("North West"),
    gettext_noop("Yorkshire and The Humber"),
    gettext_noop("East Midlands"),
    gettext_noop("West Midlands"),
    gettext_noop("East of England"),
    gettext_noop("London"),
    gettext_noop("South East"),
    gettext_noop("South West"),
)

# The network's membership categories (DESIGN.md; Review of the Year 2021/22, Introduction).
CATEGORIES = [
    {
        "code": "full",
        "name": gettext_noop("Full"),
        "order": 1,
        "counts_as_member": True,
        "allowed_kinds": ["principal_council", "combined_authority"],
        "allows_individuals": False,
        "description": gettext_noop("UK principal councils and combined authorities."),
    },
    {
        "code": "associate",
        "name": gettext_noop("Associate"),
        "order": 2,
        "counts_as_member": True,
        "allowed_kinds": ["local_council", "political_group"],
        "allows_individuals": False,
        "description": gettext_noop("Town, parish and community councils, and political groups."),
    },
    {
        "code": "affiliate",
        "name": gettext_noop("Affiliate"),
        "order": 3,
        "counts_as_member": True,
        "allowed_kinds": ["affiliate_organisation"],
        "allows_individuals": False,
        "description": gettext_noop("Values-based organisations that support the network's work."),
    },
    {
        "code": "supporter",
        "name": gettext_noop("Supporter"),
        "order": 4,
        "counts_as_member": False,
        "allowed_kinds": [
            "supporter_organisation",
            "affiliate_organisation",
            "political_group",
            "local_council",
            "principal_council",
        ],
        "allows_individuals": True,
        "description": gettext_noop("Individuals and organisations; not counted as members."),
    },
]


def load_categories(MembershipCategory: Any) -> None:
    for c in CATEGORIES:
        MembershipCategory.objects.update_or_create(code=c["code"], defaults=c)
