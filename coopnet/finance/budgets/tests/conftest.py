from __future__ import annotations

import pytest

from coopnet.demo.loader import LoadSummary
from coopnet.finance.budgets import demo


@pytest.fixture
def seed_budgets(db):
    """The published 2021/22 and 2022/23 budgets and the projection to 2024/25."""
    demo.load(LoadSummary())
