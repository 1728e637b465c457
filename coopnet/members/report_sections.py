"""The registry's sections of the network's reports (`coopnet.core.reports`): headline figures and
membership, each as at 31 July of the membership year and the year before, through the coverage
rule (`coopnet.core.figures`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from coopnet.core import figures as rule
from coopnet.core.membership_year import year_end
from coopnet.core.reports import LGA, REVIEW, Printed, Section, register_section

from . import selectors

# Category code -> the key its published figures are stored under.
CATEGORY_KEYS = {
    "full": "members-full",
    "associate": "members-associate",
    "affiliate": "members-affiliate",
    "supporter": "supporters",
}
TOWN_AND_PARISH_KEY = "members-town-and-parish"


@dataclass
class CategoryRow:
    code: str
    name: str
    now: rule.Figure
    before: rule.Figure
    names: list[str]
    individuals: int

    @property
    def list_complete(self) -> bool:
        """The list printed is the whole category: its records cover the date."""
        return self.now.recorded


def _counts(on: date) -> dict[str, rule.Figure]:
    counts = {c.code: c.count for c in selectors.category_counts(on)}

    def count_of(code: str) -> Callable[[], int]:
        return lambda: counts.get(code, 0)

    compute: dict[str, Callable[[], int]] = {
        key: count_of(code) for code, key in CATEGORY_KEYS.items()
    }
    compute[TOWN_AND_PARISH_KEY] = lambda: selectors.town_and_parish_count(on)
    return rule.figures(compute, on)


def _lists(on: date) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Per category, the public organisations holding it on `on`, by name; individuals are
    published as counts alone."""
    names: dict[str, list[str]] = {}
    individuals: dict[str, int] = {}
    for membership in selectors.memberships_on(on):
        code = membership.category.code
        organisation = membership.organisation
        if organisation is None:
            individuals[code] = individuals.get(code, 0) + 1
        elif organisation.is_public:
            names.setdefault(code, []).append(organisation.name)
    return names, individuals


def membership_rows(year: int) -> tuple[list[CategoryRow], dict[str, rule.Figure]]:
    on, before = year_end(year), year_end(year - 1)
    now_figures, before_figures = _counts(on), _counts(before)
    names, individuals = _lists(on)
    rows = [
        CategoryRow(
            code=category.code,
            name=category.name,
            now=now_figures[CATEGORY_KEYS[category.code]],
            before=before_figures[CATEGORY_KEYS[category.code]],
            names=sorted(names.get(category.code, [])),
            individuals=individuals.get(category.code, 0),
        )
        for category in selectors.categories()
        if category.code in CATEGORY_KEYS
    ]
    town = {"now": now_figures[TOWN_AND_PARISH_KEY], "before": before_figures[TOWN_AND_PARISH_KEY]}
    return rows, town


def membership_section(year: int) -> Section:
    rows, town = membership_rows(year)
    printed: dict[str, Printed] = {}
    for row in rows:
        printed[f"{row.code}.now"] = row.now
        printed[f"{row.code}.before"] = row.before
        printed[f"{row.code}.list"] = row.names
    printed["town-and-parish.now"] = town["now"]
    printed["town-and-parish.before"] = town["before"]
    return Section(
        context={
            "rows": rows,
            "town_and_parish": town,
            "on": year_end(year),
            "before": year_end(year - 1),
        },
        printed=printed,
    )


HEADLINE_KEYS = ("members-total", "members-and-supporters", "councils-citizens", "councils-budget")


def headline_section(year: int) -> Section:
    """Members, members and supporters, citizens and budgets on 31 July: computed where the
    records cover them (council populations and budgets have their own coverage), else the
    published figure."""
    on = year_end(year)
    counts = {c.code: c for c in selectors.category_counts(on)}

    def members() -> int:
        return sum(c.count for c in counts.values() if c.counts_as_member)

    def everyone() -> int:
        return sum(c.count for c in counts.values())

    headline = None

    def _headline() -> selectors.Headline:
        nonlocal headline
        if headline is None:
            headline = selectors.headline(on)
        return headline

    found = rule.figures(
        {
            "members-total": members,
            "members-and-supporters": everyone,
            "councils-citizens": lambda: _headline().citizens,
            "councils-budget": lambda: _headline().budget,
        },
        on,
    )
    return Section(
        context={"figures": found, "on": on},
        printed={key: found[key] for key in HEADLINE_KEYS},
    )


def register() -> None:
    template = "members/report_sections/{}.html"
    register_section(
        REVIEW,
        "headline",
        order=10,
        title=_("Headline figures"),
        build=headline_section,
        template=template.format("headline"),
    )
    for kind in (REVIEW, LGA):
        register_section(
            kind,
            "membership",
            order=20,
            title=_("Membership"),
            build=membership_section,
            template=template.format("membership"),
        )
