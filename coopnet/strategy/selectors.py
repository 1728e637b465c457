"""Reads of the strategy, and each measure's figures over the years through the coverage rule.

`COMPUTED` says which measure keys the system can count, and how (through the owning apps'
selectors); every other measure shows only the figures published or entered with a source.
`dashboard(strategy)` costs a fixed number of queries whatever the number of measures: each
kind of computation runs once for all the years.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from coopnet.core.figures import Figure, Number, figure_series
from coopnet.core.membership_year import year_of
from coopnet.core.models import RecordCoverage
from coopnet.events import selectors as events
from coopnet.funding import selectors as funding
from coopnet.knowledge import selectors as knowledge
from coopnet.members import selectors as members

from .charts import row_chart_svg
from .models import ActivityUpdate, Measure, Objective, Strategy, SupportingActivity

# How many years before its first year a strategy's measures look back (2024-2026 reports July
# 2021 to July 2024; the year to July 2020 holds the 2020 Policy Prototypes).
BASELINE_YEARS = 4

Counts = Mapping[date, Mapping[str, Number | None]]


def _membership(dates: list[date], today: date) -> Counts:
    return members.membership_counts_on(dates)


def _case_studies(dates: list[date], today: date) -> Counts:
    published = [
        timezone.localtime(at).date()
        for at in knowledge.published_case_studies()
        .filter(published_at__isnull=False)
        .values_list("published_at", flat=True)
    ]
    return {d: {"case-studies": sum(1 for p in published if p <= d)} for d in dates}


def _policy(dates: list[date], today: date) -> Counts:
    result: dict[date, dict[str, Number | None]] = {}
    for year in funding.kpis(dates, today):
        row: dict[str, Number | None] = {}
        for kind, keys in funding.REPORTED_KEYS.items():
            k = year.by_scheme[kind]
            row.update({keys[0]: k.projects, keys[1]: k.councils, keys[2]: k.percent})
        result[year.year_end] = row
    return result


def _events(dates: list[date], today: date) -> Counts:
    by_year = {row.year: row.computed for row in events.events_kpi([year_of(d) for d in dates])}
    return {d: {"meetings-and-events": by_year.get(year_of(d))} for d in dates}


# Each computation answers for several keys at once; `COMPUTED` maps a key to its computation.
Computation = Callable[[list[date], date], Counts]
COMPUTED: dict[str, Computation] = {
    **dict.fromkeys(members.CATEGORY_FIGURE_KEYS.values(), _membership),
    members.TOWN_AND_PARISH_KEY: _membership,
    "case-studies": _case_studies,
    **{k: _policy for keys in funding.REPORTED_KEYS.values() for k in keys},
    "meetings-and-events": _events,
}


def is_computed(key: str) -> bool:
    return key in COMPUTED


def measure_dates(strategy: Strategy, today: date | None = None) -> list[date]:
    """31 July (the end of a membership year) of each year the measures report, up to today."""
    today = today or timezone.localdate()
    ends = [
        date(y, 7, 31) for y in range(strategy.first_year - BASELINE_YEARS, strategy.last_year + 1)
    ]
    return [d for d in ends if d <= today]


def measure_figures(
    keys: list[str], dates: list[date], today: date | None = None
) -> dict[str, dict[date, Figure]]:
    """Per key and date: computed (where covered and the system counts it) beside the published
    figures. Each computation runs once, for all the keys it answers."""
    today = today or timezone.localdate()
    memo: dict[Computation, Counts] = {}

    def compute_for(key: str) -> Callable[[list[date]], Mapping[date, Number | None]]:
        computation = COMPUTED.get(key)

        def run(covered: list[date]) -> dict[date, Number | None]:
            if computation is None:
                return {}
            if computation not in memo:
                memo[computation] = computation(dates, today)
            return {d: memo[computation].get(d, {}).get(key) for d in covered}

        return run

    return figure_series({k: compute_for(k) for k in keys}, dates)


@dataclass
class MeasureRow:
    measure: Measure
    figures: list[Figure]
    computed_here: bool

    @property
    def differs(self) -> bool:
        return any(f.differs for f in self.figures)


@dataclass
class ObjectiveBlock:
    objective: Objective
    measures: list[MeasureRow] = field(default_factory=list)


@dataclass
class Dashboard:
    strategy: Strategy
    dates: list[date]
    objectives: list[ObjectiveBlock]

    @property
    def labels(self) -> list[str]:
        return date_labels(self.dates)


def date_labels(dates: list[date]) -> list[str]:
    """ "July 2022": the measures are as at 31 July."""
    return [date_format(d, "F Y") for d in dates]


def strategies() -> QuerySet[Strategy]:
    return Strategy.objects.all()


def strategy_for_page(slug: str) -> Strategy:
    activities = SupportingActivity.objects.select_related("lead").prefetch_related(
        Prefetch("updates", queryset=ActivityUpdate.objects.order_by("-on", "-pk"))
    )
    return Strategy.objects.prefetch_related(
        Prefetch(
            "objectives",
            queryset=Objective.objects.select_related("lead").prefetch_related(
                Prefetch("measures", queryset=Measure.objects.order_by("order", "pk")),
                Prefetch("activities", queryset=activities),
            ),
        )
    ).get(slug=slug)


def dashboard(strategy: Strategy, today: date | None = None) -> Dashboard:
    """Every measure of the strategy over the years, computed beside published."""
    dates = measure_dates(strategy, today)
    objectives = list(strategy.objectives.all())
    keys = sorted({m.key for o in objectives for m in o.measures.all()})
    table = measure_figures(keys, dates, today)
    blocks = [
        ObjectiveBlock(
            o,
            [
                MeasureRow(m, [table[m.key][d] for d in dates], is_computed(m.key))
                for m in o.measures.all()
            ],
        )
        for o in objectives
    ]
    return Dashboard(strategy, dates, blocks)


def measure_row(measure: Measure, today: date | None = None) -> MeasureRow:
    dates = measure_dates(measure.objective.strategy, today)
    table = measure_figures([measure.key], dates, today)
    return MeasureRow(measure, [table[measure.key][d] for d in dates], is_computed(measure.key))


def coverage_rows() -> list[tuple[str, RecordCoverage | None]]:
    """Every category staff set coverage for, with its current setting (or None)."""
    from coopnet.core.figures import COVERAGE_KEYS

    stored = {c.key: c for c in RecordCoverage.objects.all()}
    keys = list(COVERAGE_KEYS) + sorted(set(stored) - set(COVERAGE_KEYS))
    return [(k, stored.get(k)) for k in keys]


def coverage_history(key: str) -> list[RecordCoverage]:
    row = RecordCoverage.objects.filter(key=key).first()
    if row is None:
        return []
    return list(row.history.select_related("history_user").order_by("-history_date")[:50])


def decimal_or_none(value: Number | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def measure_chart_svg(measure: Measure, today: date | None = None) -> str:
    """One measure's chart over its strategy's years, as an SVG string: the same SVG the KPI
    dashboard shows, for PDFs and reports (title and desc inside, no script)."""
    row = measure_row(measure, today)
    return str(row_chart_svg(row, date_labels(measure_dates(measure.objective.strategy, today))))


# --- the Review of the Year's strategy progress -------------------------------------------------


def strategy_in_force(on: date) -> Strategy | None:
    """The strategy whose period includes the calendar year of `on` (the earliest, if two do)."""
    found = (
        Strategy.objects.filter(first_year__lte=on.year, last_year__gte=on.year)
        .order_by("first_year", "pk")
        .first()
    )
    return strategy_for_page(found.slug) if found is not None else None


def progress_on(activity: SupportingActivity, on: date) -> str:
    """An activity's progress as its updates reported it by `on` (the latest on or before it);
    its stored progress when it has no dated update. Uses the prefetched updates (newest first)."""
    updates = list(activity.updates.all())
    if not updates:
        return activity.progress
    reported = next((u for u in updates if u.on <= on), None)
    return reported.progress if reported is not None else ""
