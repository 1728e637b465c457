"""The coverage rule: never show a number the records cannot support.

Every figure the product shows for a date (stats API, home, KPIs, strategy measures, reports) goes
through `figure` / `figures`:

- the records of a measure are complete only from its `RecordCoverage.complete_from`; for a date
  before it (or with no coverage date) the computed value is not shown as the whole: `computed`
  is None and `covered` is False, and what is shown is the published figure with its source;
- every published figure for the same key and date is carried beside the computed one (the seeds
  sometimes disagree with themselves: both are kept), and `differs` flags a computed value that
  disagrees with an exact published one.

Keys are the reported figures' keys ("members-full", "members-associate", "council-budgets",
"council-populations", ...). Apps compute; this module decides what may be said.

A figure drawn from several kinds of record (the headline's citizens need the member councils and
their populations) is covered only where all of them are: `COVERED_BY` names those records, and
the figure's coverage starts on the latest of their dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import RecordCoverage, ReportedFigure

Number = int | Decimal


@dataclass(frozen=True)
class Reported:
    """One published figure: its value ("over 300" has qualifier "over"), date and source."""

    value: Decimal
    as_of: date
    source: str
    qualifier: str = ""
    note: str = ""

    @property
    def exact(self) -> bool:
        return not self.qualifier


@dataclass(frozen=True)
class Figure:
    """What may be said of one measure on one date."""

    key: str
    as_of: date
    covered: bool
    computed: Decimal | None
    reported: tuple[Reported, ...] = ()
    complete_from: date | None = None

    @property
    def computed_or_none(self) -> Decimal | None:
        """The computed value only where the records cover the date."""
        return self.computed if self.covered else None

    @property
    def recorded(self) -> bool:
        """The records support a computed value for this date."""
        return self.covered and self.computed is not None

    @property
    def value(self) -> Decimal | None:
        """The number to print: computed when covered, else the first published figure, else None
        ("not recorded")."""
        if self.recorded:
            return self.computed
        return self.reported[0].value if self.reported else None

    @property
    def from_reported(self) -> bool:
        """The number printed is a published figure, to be marked with its source."""
        return not self.recorded and bool(self.reported)

    @property
    def differs(self) -> bool:
        """A computed value disagrees with an exact published figure for the same date, or two
        published figures disagree with each other."""
        exact = {r.value for r in self.reported if r.exact}
        if self.recorded:
            return any(v != self.computed for v in exact)
        return len(exact) > 1

    @property
    def sources(self) -> list[str]:
        return [r.source for r in self.reported]


# Figures whose records are other measures' records: covered where all of those are.
COVERED_BY: dict[str, tuple[str, ...]] = {
    "members-total": ("members-full", "members-associate", "members-affiliate"),
    "members-and-supporters": (
        "members-full",
        "members-associate",
        "members-affiliate",
        "supporters",
    ),
    "councils-members": ("members-full",),
    "councils-citizens": ("members-full", "council-populations"),
    "councils-budget": ("members-full", "council-budgets"),
    # The councils taking part come from the projects' records; the percentage also needs the
    # Full members of the date.
    "policy-labs-councils": ("policy-labs",),
    "policy-labs-participation-percent": ("policy-labs", "members-full"),
    "policy-prototypes-councils": ("policy-prototypes",),
    "policy-prototypes-participation-percent": ("policy-prototypes", "members-full"),
}

# The categories staff set coverage for, in the order the coverage screen lists them.
COVERAGE_KEYS: tuple[str, ...] = (
    "members-full",
    "members-associate",
    "members-town-and-parish",
    "members-affiliate",
    "supporters",
    "council-populations",
    "council-budgets",
    "case-studies",
    "policy-labs",
    "policy-prototypes",
    "meetings-and-events",
)


def records_of(key: str) -> tuple[str, ...]:
    """The coverage keys whose records a figure is computed from (itself, unless COVERED_BY)."""
    return COVERED_BY.get(key, (key,))


def _as_decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)


def coverage(keys: Iterable[str]) -> dict[str, date | None]:
    """The date each measure's records are complete from (missing or None: never complete).

    A key in COVERED_BY is complete from the latest of its records' dates, and never if one of
    them is never complete.
    """
    keys = list(keys)
    wanted = {k for key in keys for k in records_of(key)}
    stored = dict(RecordCoverage.objects.filter(key__in=wanted).values_list("key", "complete_from"))
    result: dict[str, date | None] = {}
    for key in keys:
        dates = [stored.get(k) for k in records_of(key)]
        result[key] = None if any(d is None for d in dates) else max(d for d in dates if d)
    return result


def is_covered(complete_from: date | None, on: date) -> bool:
    return complete_from is not None and on >= complete_from


def reported_on(keys: Iterable[str], on: date) -> dict[str, tuple[Reported, ...]]:
    """Every published figure for these keys on exactly this date, oldest source first."""
    found: dict[str, list[Reported]] = {}
    rows = ReportedFigure.objects.filter(key__in=list(keys), as_of=on).order_by("key", "pk")
    for r in rows:
        found.setdefault(r.key, []).append(
            Reported(r.value, r.as_of, r.source, r.qualifier, r.note)
        )
    return {k: tuple(v) for k, v in found.items()}


def figures(compute: Mapping[str, Callable[[], Number | None]], on: date) -> dict[str, Figure]:
    """One `Figure` per key, in two queries plus whatever the covered computations cost.

    A computation is called only for a key whose records cover `on`: nothing is computed that
    would not be shown.
    """
    complete = coverage(compute)
    published = reported_on(compute, on)
    result: dict[str, Figure] = {}
    for key, fn in compute.items():
        covered = is_covered(complete.get(key), on)
        value = fn() if covered else None
        result[key] = Figure(
            key=key,
            as_of=on,
            covered=covered,
            computed=None if value is None else _as_decimal(value),
            reported=published.get(key, ()),
            complete_from=complete.get(key),
        )
    return result


def reported_between(
    keys: Iterable[str], dates: Iterable[date]
) -> dict[tuple[str, date], tuple[Reported, ...]]:
    """Every published figure for these keys on any of these dates, in one query."""
    found: dict[tuple[str, date], list[Reported]] = {}
    rows = ReportedFigure.objects.filter(key__in=list(keys), as_of__in=list(dates)).order_by(
        "key", "as_of", "pk"
    )
    for r in rows:
        found.setdefault((r.key, r.as_of), []).append(
            Reported(r.value, r.as_of, r.source, r.qualifier, r.note)
        )
    return {k: tuple(v) for k, v in found.items()}


SeriesCompute = Callable[[list[date]], Mapping[date, Number | None]]


def figure_series(
    compute: Mapping[str, SeriesCompute], dates: Iterable[date]
) -> dict[str, dict[date, Figure]]:
    """`figures` for many dates at once (charts, year-on-year tables): two queries for coverage
    and published figures, whatever the number of keys and dates, plus what each computation
    costs. Each computation is given only the dates its records cover, and answers per date.
    """
    dates = sorted(set(dates))
    complete = coverage(compute)
    published = reported_between(compute, dates)
    result: dict[str, dict[date, Figure]] = {}
    for key, fn in compute.items():
        covered = [d for d in dates if is_covered(complete.get(key), d)]
        values = fn(covered) if covered else {}
        result[key] = {}
        for on in dates:
            value = values.get(on) if on in covered else None
            result[key][on] = Figure(
                key=key,
                as_of=on,
                covered=on in covered,
                computed=None if value is None else _as_decimal(value),
                reported=published.get((key, on), ()),
                complete_from=complete.get(key),
            )
    return result


def first_reported_date(key: str) -> date | None:
    """The earliest date any figure was published for `key` (where a series should start)."""
    return (
        ReportedFigure.objects.filter(key=key).order_by("as_of").values_list("as_of", flat=True)
    ).first()


def figure(key: str, on: date, compute: Callable[[], Number | None]) -> Figure:
    """`figures` for one key."""
    return figures({key: compute}, on)[key]


def set_coverage(key: str, complete_from: date | None, note: str = "") -> RecordCoverage:
    """Record (or change) from which date a measure's records are complete."""
    row, _ = RecordCoverage.objects.update_or_create(
        key=key, defaults={"complete_from": complete_from, "note": note}
    )
    return row
