"""The two schemes and their rules by round year, from the seeds (loaded by migration 0002).

Policy Labs: up to £10,000 until 2021, £20,000 from the 2022 round (Review of the Year 2021/22;
the 2024-26 strategy dates the rise to 2024 — the review, written at the time, is followed).
Policy Prototypes: up to £1,500 with 6 to 9 months to complete (2020 call), £2,000 and one
locality from 2022. Labs are led by a Full member with member partners; the network itself
leads its study visits.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_noop

REVIEW_2022 = "Review of the Year 2021/22: Funded projects 2022"
LGA_2021 = "LGA Special Interest Group annual report 2021: Funded projects 2020"

SCHEMES: list[dict[str, Any]] = [
    {
        "slug": "policy-lab",
        "kind": "lab",
        "name": gettext_noop("Policy Lab"),
        "description": gettext_noop(
            "A larger collaborative project led by a Full member council with other members as "
            "partners, looking for co-operative answers to a challenge facing local government."
        ),
        "order": 1,
        "rules": [
            {
                "from_year": 2020,
                "cap": Decimal("10000"),
                "lead_must_be_full_member": True,
                "network_may_lead": True,
                "source": LGA_2021,
            },
            {
                "from_year": 2022,
                "cap": Decimal("20000"),
                "lead_must_be_full_member": True,
                "network_may_lead": True,
                "source": REVIEW_2022,
            },
        ],
    },
    {
        "slug": "policy-prototype",
        "kind": "prototype",
        "name": gettext_noop("Policy Prototype"),
        "description": gettext_noop(
            "A small project in one council's own locality, completed in six to nine months."
        ),
        "order": 2,
        "rules": [
            {
                "from_year": 2020,
                "cap": Decimal("1500"),
                "one_locality": True,
                "min_months": 6,
                "max_months": 9,
                "source": LGA_2021,
            },
            {
                "from_year": 2022,
                "cap": Decimal("2000"),
                "one_locality": True,
                "min_months": 6,
                "max_months": 9,
                "source": REVIEW_2022,
            },
        ],
    },
]


def load_schemes(scheme_model: Any, rule_model: Any) -> None:
    for item in SCHEMES:
        data = {k: v for k, v in item.items() if k not in ("rules", "slug")}
        scheme, _ = scheme_model.objects.update_or_create(slug=item["slug"], defaults=data)
        for rule in item["rules"]:
            values = {k: v for k, v in rule.items() if k != "from_year"}
            rule_model.objects.update_or_create(
                scheme=scheme, from_year=rule["from_year"], defaults=values
            )
