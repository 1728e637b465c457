"""The strategy's section of the Review of the Year (`coopnet.core.reports`, the
"strategy-progress" slot): the strategy in force on 31 July of the membership year, each
measure's figure on that date (through the coverage rule) beside its target, and each supporting
activity's progress as its updates reported it by then."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from coopnet.core.figures import Figure
from coopnet.core.membership_year import year_end
from coopnet.core.reports import (
    REVIEW,
    STRATEGY_PROGRESS,
    STRATEGY_PROGRESS_ORDER,
    Printed,
    Section,
    register_section,
)

from . import selectors
from .models import Measure, Objective, SupportingActivity, progress_label


@dataclass
class MeasureLine:
    measure: Measure
    figure: Figure


@dataclass
class ActivityLine:
    activity: SupportingActivity
    progress: str

    @property
    def progress_label(self) -> str:
        return progress_label(self.progress)


@dataclass
class ObjectiveLines:
    objective: Objective
    measures: list[MeasureLine]
    activities: list[ActivityLine]


def strategy_progress_section(year: int) -> Section | None:
    on = year_end(year)
    strategy = selectors.strategy_in_force(on)
    if strategy is None:
        return None
    objectives = list(strategy.objectives.all())
    keys = sorted({m.key for o in objectives for m in o.measures.all()})
    table = selectors.measure_figures(keys, [on], today=on) if keys else {}
    blocks = [
        ObjectiveLines(
            o,
            [MeasureLine(m, table[m.key][on]) for m in o.measures.all()],
            [ActivityLine(a, selectors.progress_on(a, on)) for a in o.activities.all()],
        )
        for o in objectives
    ]
    printed: dict[str, Printed] = {}
    for block in blocks:
        for line in block.measures:
            printed[line.measure.key] = line.figure
        for act in block.activities:
            printed[f"activity-{act.activity.reference}"] = act.progress or "not reported"
    return Section(context={"strategy": strategy, "objectives": blocks, "on": on}, printed=printed)


def register() -> None:
    register_section(
        REVIEW,
        STRATEGY_PROGRESS,
        order=STRATEGY_PROGRESS_ORDER,
        title=_("Strategy progress"),
        build=strategy_progress_section,
        template="strategy/report_sections/progress.html",
    )
