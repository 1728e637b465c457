"""The sections of the documents the network publishes, contributed by the apps that hold the data.

Each app registers its own sections from `AppConfig.ready()`, so the reports app (which lays the
documents out) imports no capability's models, and a section appears as soon as its app lands:

    from coopnet.core.reports import REVIEW, register_section
    register_section(REVIEW, "membership", order=20, title=_("Membership"),
                     build=membership_section, template="members/report_sections/membership.html")

`build(year)` receives the membership year (2021 for 2021/22) and returns a `Section` (its
template context and the figures it prints, for the stored record of a generation) or None when
the app has nothing to say for that year. Every number a section prints goes through
`coopnet.core.figures` (the coverage rule); `printed` holds those `Figure`s and any list the
section prints, so two generations can be compared figure by figure.

Report kinds: `REVIEW` (the Review of the Year), `LGA` (the LGA Special Interest Group annual
report) and `WELCOME` (the welcome pack). The strategy app fills `REVIEW`'s "strategy-progress"
slot (`STRATEGY_PROGRESS`, order 80, `coopnet.strategy.report_sections`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .figures import Figure

REVIEW = "review-of-the-year"
LGA = "lga-sig-report"
WELCOME = "welcome-pack"
KINDS = (REVIEW, LGA, WELCOME)
# The slot the strategy app registers: register_section(REVIEW, STRATEGY_PROGRESS, order=80, ...).
STRATEGY_PROGRESS = "strategy-progress"
STRATEGY_PROGRESS_ORDER = 80

Printed = Figure | Decimal | int | str | list[str] | None


@dataclass
class Section:
    """What one section shows for one year: its context and the figures it prints by name."""

    context: dict[str, Any] = field(default_factory=dict)
    printed: dict[str, Printed] = field(default_factory=dict)


@dataclass(frozen=True)
class SectionSpec:
    kind: str
    key: str
    order: int
    title: Any
    build: Callable[[int], Section | None]
    template: str


@dataclass
class BuiltSection:
    spec: SectionSpec
    section: Section

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def title(self) -> Any:
        return self.spec.title

    @property
    def template(self) -> str:
        return self.spec.template

    @property
    def context(self) -> dict[str, Any]:
        return self.section.context


_SECTIONS: dict[str, dict[str, SectionSpec]] = {}


def register_section(
    kind: str,
    key: str,
    *,
    order: int,
    title: Any,
    build: Callable[[int], Section | None],
    template: str,
) -> None:
    """Add (or replace) one section of a report kind; called from an app's `ready()`."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    _SECTIONS.setdefault(kind, {})[key] = SectionSpec(kind, key, order, title, build, template)


def unregister_section(kind: str, key: str) -> None:
    _SECTIONS.get(kind, {}).pop(key, None)


def sections_for(kind: str) -> list[SectionSpec]:
    """The registered sections of a kind, in order."""
    return sorted(_SECTIONS.get(kind, {}).values(), key=lambda s: (s.order, s.key))


def build_sections(
    kind: str, year: int, progress: Callable[[int, int], None] | None = None
) -> list[BuiltSection]:
    """Every section of `kind` for `year` that has something to say, calling `progress(done,
    total)` after each one."""
    specs = sections_for(kind)
    built = []
    for done, spec in enumerate(specs, start=1):
        section = spec.build(year)
        if section is not None:
            built.append(BuiltSection(spec, section))
        if progress is not None:
            progress(done, len(specs))
    return built


def _plain(value: Any) -> Any:
    if isinstance(value, Figure):
        return {
            "value": None if value.value is None else str(value.value),
            "computed": None if value.computed is None else str(value.computed),
            "covered": value.covered,
            "from_reported": value.from_reported,
            "differs": value.differs,
            "reported": [
                {"value": str(r.value), "qualifier": r.qualifier, "source": r.source}
                for r in value.reported
            ],
        }
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return value


def printed_figures(sections: list[BuiltSection]) -> dict[str, Any]:
    """Every figure the sections print, as JSON-ready values keyed "section.name"."""
    return {
        f"{built.key}.{name}": _plain(value)
        for built in sections
        for name, value in sorted(built.section.printed.items())
    }


def shown(value: Any) -> str:
    """How a stored figure reads in a comparison: its printed value, marked when published."""
    if isinstance(value, dict):
        text = "-" if value.get("value") is None else str(value["value"])
        if value.get("from_reported"):
            sources = "; ".join(r["source"] for r in value.get("reported", []))
            qualifier = next((r["qualifier"] for r in value.get("reported", [])), "")
            return f"{qualifier + ' ' if qualifier else ''}{text} (published: {sources})"
        return text
    if isinstance(value, list):
        return ", ".join(value)
    return "-" if value is None else str(value)


def changed_figures(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(name, before, after) for each figure that differs between two generations."""
    names = sorted(set(before) | set(after))
    return [
        (name, shown(before.get(name)), shown(after.get(name)))
        for name in names
        if before.get(name) != after.get(name)
    ]
