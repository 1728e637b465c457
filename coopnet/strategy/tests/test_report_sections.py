"""The strategy fills the Review of the Year's "strategy-progress" slot: the strategy in force
on 31 July, its measures on that date through the coverage rule, its activities' progress as
reported by then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coopnet.core import reports
from coopnet.core.models import ReportedFigure
from coopnet.core.reports import REVIEW, STRATEGY_PROGRESS
from coopnet.strategy.models import ActivityUpdate, SupportingActivity

from .factories import strategy

pytestmark = pytest.mark.django_db


def _section(year: int):
    built = reports.build_sections(REVIEW, year)
    return next((b for b in built if b.key == STRATEGY_PROGRESS), None)


def test_the_strategy_registers_its_progress_section_in_the_review():
    keys = [s.key for s in reports.sections_for(REVIEW)]
    assert keys.index(STRATEGY_PROGRESS) == keys.index("dps") + 1
    assert keys.index(STRATEGY_PROGRESS) == keys.index("budget") - 1


def test_the_section_reports_the_strategy_in_force_on_31_july():
    strategy(measures=2)
    ReportedFigure.objects.create(
        key="supporters", as_of=date(2024, 7, 31), value=Decimal(12), source="Review 2023/24"
    )
    activity = SupportingActivity.objects.get(reference="1.4")
    ActivityUpdate.objects.create(activity=activity, on=date(2024, 6, 1), progress="at_risk")
    ActivityUpdate.objects.create(activity=activity, on=date(2024, 9, 1), progress="complete")

    assert _section(2022) is None  # 2022/23 ends in 2023: no strategy in force
    built = _section(2023)  # 2023/24, to 31 July 2024
    assert built is not None
    printed = reports.printed_figures([built])
    assert printed["strategy-progress.supporters"]["from_reported"] is True
    assert printed["strategy-progress.supporters"]["value"] == "12.00"
    # Progress as reported by 31 July 2024, not the later update.
    assert printed["strategy-progress.activity-1.4"] == "at_risk"
    assert "strategy-progress.members-full" in printed


def test_the_section_is_the_same_from_the_same_data_and_renders():
    from django.template.loader import render_to_string

    strategy(measures=2)
    first = reports.printed_figures([_section(2024)])
    assert first == reports.printed_figures([_section(2024)])
    built = _section(2024)
    html = render_to_string(built.template, {"section": built.context})
    assert "Strategy 2024-2026" in html
    assert "Try online forums" in html
    assert "On track" in html
