"""The strategies from the seeds, with coverage dates that say what the demo holds."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from coopnet.core.figures import coverage
from coopnet.core.models import ReportedFigure
from coopnet.strategy import selectors
from coopnet.strategy.models import Objective, Strategy, SupportingActivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path, monkeypatch):
    settings.BASE_DIR = tmp_path
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo", stdout=StringIO())


def test_both_strategies_their_leads_and_activities(loaded):
    assert list(Strategy.objects.values_list("slug", flat=True)) == ["2024-2026", "2021-2023"]
    themes = Objective.objects.filter(strategy__slug="2021-2023")
    assert themes.count() == 4
    assert themes.get(number=1).lead.full_name == "Barbara Brownridge"
    assert "Vacant" in themes.get(number=4).lead_name
    assert SupportingActivity.objects.get(reference="1.16").progress == "complete"
    assert SupportingActivity.objects.get(reference="1.4").milestone == "Summer 2024"


def test_coverage_says_truthfully_what_the_demo_holds(loaded):
    c = coverage(["members-full", "members-associate", "members-affiliate", "council-budgets"])
    assert c["members-full"] == date(2021, 8, 1)
    assert c["members-associate"] is None
    assert c["members-affiliate"] is None
    assert c["council-budgets"] is None


def test_the_seeds_disagreements_are_both_kept(loaded):
    full = ReportedFigure.objects.filter(key="members-full", as_of=date(2024, 7, 31))
    assert sorted(full.values_list("value", flat=True)) == [46, 47]
    prototypes = ReportedFigure.objects.filter(key="policy-prototypes", as_of=date(2020, 7, 31))
    assert sorted(prototypes.values_list("value", flat=True)) == [13, 14]
    board = selectors.dashboard(Strategy.objects.get(slug="2024-2026"), date(2024, 12, 1))
    rows = {r.measure.key: r for b in board.objectives for r in b.measures}
    f2020 = rows["policy-prototypes"].figures[0]
    assert f2020.as_of == date(2020, 7, 31)
    assert f2020.differs
    associates_2022 = rows["members-associate"].figures[2]
    assert associates_2022.as_of == date(2022, 7, 31)
    assert associates_2022.computed is None, "6 of 22 Associates are recorded: not a computed 6"
    assert associates_2022.value == 22
