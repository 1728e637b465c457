"""The section registry: apps contribute their sections; a missing app's section is simply absent,
and a later app (the strategy) fills its slot."""

from __future__ import annotations

import pytest

from coopnet.core import reports
from coopnet.core.reports import REVIEW, STRATEGY_PROGRESS, Section

pytestmark = pytest.mark.django_db


def test_every_app_contributes_its_sections_in_order():
    keys = [s.key for s in reports.sections_for(REVIEW)]
    expected = ["welcome", "headline", "membership", "governance", "funded-projects"]
    expected += ["publications", "events", "dps", "budget", "contact"]
    assert [k for k in keys if k != STRATEGY_PROGRESS] == expected


def test_the_strategy_slot_is_filled_by_registering_it():
    def strategy(year: int) -> Section:
        return Section(context={}, printed={"measures": ["members-full"]})

    registered = next(s for s in reports.sections_for(REVIEW) if s.key == STRATEGY_PROGRESS)
    reports.register_section(
        REVIEW,
        STRATEGY_PROGRESS,
        order=reports.STRATEGY_PROGRESS_ORDER,
        title="Strategy progress",
        build=strategy,
        template="reports/sections/lga_aim.html",
    )
    try:
        keys = [s.key for s in reports.sections_for(REVIEW)]
        assert keys.index(STRATEGY_PROGRESS) == keys.index("dps") + 1
        built = reports.build_sections(REVIEW, 2021)
        assert reports.printed_figures(built)["strategy-progress.measures"] == ["members-full"]
    finally:  # put the strategy app's own section back
        reports.register_section(
            REVIEW,
            STRATEGY_PROGRESS,
            order=registered.order,
            title=registered.title,
            build=registered.build,
            template=registered.template,
        )


def test_a_section_with_nothing_to_say_is_left_out_and_progress_counts_every_step():
    seen = []
    built = reports.build_sections(REVIEW, 2019, progress=lambda done, total: seen.append(done))
    assert "budget" not in [b.key for b in built]  # no budget recorded for 2019/20
    assert seen == list(range(1, len(reports.sections_for(REVIEW)) + 1))


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown report kind"):
        reports.register_section(
            "annual", "x", order=1, title="x", build=lambda y: None, template=""
        )


def test_changed_figures_lists_only_what_changed():
    before = {"a": {"value": "1", "from_reported": False}, "b": ["x", "y"], "c": "same"}
    after = {"a": {"value": "2", "from_reported": False}, "b": ["x"], "c": "same", "d": "new"}
    assert reports.changed_figures(before, after) == [
        ("a", "1", "2"),
        ("b", "x, y", "x"),
        ("d", "-", "new"),
    ]
