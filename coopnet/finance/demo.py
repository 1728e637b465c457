"""Finance demo data from the seeds: the Accountable Body, and the fees the budget statement gives.

The Review of the Year 2021/22 names Oldham Council as the Accountable Body, invoicing in September
for a membership year that begins in August. Its budget statement projects 2022/23 to 2024/25
assuming each new Full member pays £3,500 and each new Associate or Affiliate member £250; those
are the only per-member fees the seeds give, so they are the standard fees for those three years.
No invoices are made up: the seeds give no per-member invoices or payments.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.demo.loader import CREATED, UNCHANGED, UPDATED, LoadSummary
from coopnet.demo.seed.sources import REVIEW_2022
from coopnet.members.models import MembershipCategory

from .models import FinanceSettings
from .services import fee_schedule_set

LABELS = {
    "fee_schedules": gettext_lazy("fee schedules"),
    "finance_settings": gettext_lazy("finance settings"),
}

ACCOUNTABLE_BODY = "Oldham Council"
# The LGA Special Interest Group report gives the network's address at the Accountable Body. The
# seeds give no bank details, so "how to pay" stays empty: invoicing is refused until the
# finance officer enters them (docs/finance.md).
ACCOUNTABLE_BODY_ADDRESS = "Oldham Civic Centre\nWest Street\nOldham\nOL1 1UL"
FEE_SOURCE = (
    f"{REVIEW_2022}, budget statement: projection assumes new Full members at £3,500 and new "
    "Associate and Affiliate members at £250 each"
)
# Membership years (starting 1 August) the budget statement projects, and the fee per category.
FEES: dict[int, dict[str, Decimal]] = {
    year: {
        "full": Decimal("3500.00"),
        "associate": Decimal("250.00"),
        "affiliate": Decimal("250.00"),
    }
    for year in (2022, 2023, 2024)
}


DEMO = System("load_demo")


def load(summary: LoadSummary) -> None:
    with acting_as(DEMO):
        _load(summary)


def _load(summary: LoadSummary) -> None:
    config = FinanceSettings.objects.order_by("pk").first()
    if config is None:
        FinanceSettings.objects.create(
            body_name=ACCOUNTABLE_BODY, body_address=ACCOUNTABLE_BODY_ADDRESS
        )
        summary.count("finance_settings", CREATED)
    elif config.body_name != ACCOUNTABLE_BODY or not config.body_address.strip():
        config.body_name = ACCOUNTABLE_BODY
        config.body_address = config.body_address.strip() or ACCOUNTABLE_BODY_ADDRESS
        config.save()
        summary.count("finance_settings", UPDATED)
    else:
        summary.count("finance_settings", UNCHANGED)
    categories = {c.code: c for c in MembershipCategory.objects.all()}
    for year, fees in FEES.items():
        for code, amount in fees.items():
            _schedule, done = fee_schedule_set(
                year=year, category=categories[code], amount=amount, source=FEE_SOURCE, by=DEMO
            )
            summary.count("fee_schedules", done)
