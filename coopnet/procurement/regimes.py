"""The rules of each regime, as data: loaded by a data migration, changed in the back office.

- PCR 2015 reg. 34(15)-(16): an application to a DPS is assessed within 10 working days of
  receipt, extendable to 15 working days where justified (the reason is recorded). Reg. 34(23):
  the time limit for receipt of tenders in a call-off is at least 10 days. Reg. 87 does not ask a
  standstill period for a contract under a DPS.
- Procurement Act 2023 (in force 24 February 2025): s. 51 asks a mandatory standstill of 8 working
  days after an assessment summary; the network uses 10 working days to decide on a membership
  application of a dynamic market (s. 36, "reasonable time") or an open framework, and a 10-day
  minimum tendering period for competitions under them.
"""

from __future__ import annotations

from typing import Any

from .models.arrangements import Regime

REGIME_RULES: tuple[dict[str, Any], ...] = (
    {
        "regime": Regime.PCR_2015_DPS,
        "decision_working_days": 10,
        "extended_decision_working_days": 15,
        "minimum_tender_days": 10,
        "standstill_working_days": 0,
        "is_dynamic": True,
        "source": "Public Contracts Regulations 2015, regulations 34 and 87",
    },
    {
        "regime": Regime.PA_2023_DYNAMIC_MARKET,
        "decision_working_days": 10,
        "extended_decision_working_days": 15,
        "minimum_tender_days": 10,
        "standstill_working_days": 8,
        "is_dynamic": True,
        "source": "Procurement Act 2023, sections 34 to 40 and 51",
    },
    {
        "regime": Regime.PA_2023_OPEN_FRAMEWORK,
        "decision_working_days": 10,
        "extended_decision_working_days": 15,
        "minimum_tender_days": 10,
        "standstill_working_days": 8,
        "is_dynamic": False,
        "source": "Procurement Act 2023, sections 45 to 49 and 51",
    },
)


def load_regime_rules(model: Any) -> None:
    """Create the rules of each regime that has none (an existing row is left as staff set it)."""
    for row in REGIME_RULES:
        values = {k: v for k, v in row.items() if k != "regime"}
        model.objects.get_or_create(regime=str(row["regime"]), defaults=values)
