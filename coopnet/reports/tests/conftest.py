from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.figures import set_coverage
from coopnet.demo.loader import load_demo

# What the demo holds truthfully: every Full member and Supporter from 1 August 2021; Associates,
# Affiliates and town and parish councils only in part; no council budgets or populations loaded
# as complete. (The demo's own coverage dates come with the strategy work; the reports' tests
# state theirs so that they hold either way.)
DEMO_COVERAGE = {
    "members-full": date(2021, 8, 1),
    "supporters": date(2021, 8, 1),
    "members-associate": None,
    "members-affiliate": None,
    "members-town-and-parish": None,
    "members-total": None,
    "members-and-supporters": None,
    "councils-citizens": None,
    "councils-budget": None,
    "case-studies": None,
}


@pytest.fixture
def demo(db):
    summary = load_demo()
    for key, complete_from in DEMO_COVERAGE.items():
        set_coverage(key, complete_from)
    return summary
