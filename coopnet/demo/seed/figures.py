"""Figures the network published, each with the date it is given for and its source.

The registry computes what it can from memberships; these keep what the documents said, including
counts the registry cannot reproduce (members shown only as logos, case studies, budgets).
Dates given as a month ("July 2022") are the last day of that month; where a document gives no
date, the note says the date is approximate.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from . import sources as s
from .types import SeedFigure

JULY_2021 = date(2021, 7, 31)
JULY_2022 = s.YEAR_END_2022
JULY_2023 = date(2023, 7, 31)
JULY_2024 = date(2024, 7, 31)
NOVEMBER_2022 = date(2022, 11, 30)
JULY_2017 = date(2017, 7, 31)
# The LGA reports are undated; they give the "latest" figures before the summer of each year.
LGA_2020_DATE = date(2020, 6, 30)
LGA_2021_DATE = date(2021, 6, 30)

REVIEW_AND_STRATEGY = f"{s.REVIEW_2022}; {s.STRATEGY_2024}"
PROVISIONAL = "Provisional in the strategy."
LGA_UNDATED = "The report is undated; the date is approximate."
EXCLUDING_GMCA = "Member councils, excluding Greater Manchester Combined Authority."
WELCOME_NOV_2022 = "Chair's welcome, dated November 2022 (day not given)."
WELCOME_NOV_2022_TOTALS = f"{WELCOME_NOV_2022} Whether GMCA is excluded is not said."
STRATEGY_DATES = (JULY_2021, JULY_2022, JULY_2023, JULY_2024)
# The review gives the 2021 and 2022 membership counts too; the other measures only for 2022.
STRATEGY_SOURCES = (REVIEW_AND_STRATEGY, REVIEW_AND_STRATEGY, s.STRATEGY_2024, s.STRATEGY_2024)
REVIEW_2022_ONLY = (s.STRATEGY_2024, REVIEW_AND_STRATEGY, s.STRATEGY_2024, s.STRATEGY_2024)
IN_ASSOCIATES = "Included in the Associate total."


def _series(
    key: str,
    values: Sequence[int | str],
    dates: Sequence[date] = STRATEGY_DATES,
    sources: Sequence[str] = STRATEGY_SOURCES,
    notes: Sequence[str] = ("", "", "", PROVISIONAL),
) -> list[SeedFigure]:
    """One figure per date; a value written "over 300" keeps "over" as its qualifier."""
    figures = []
    for value, as_of, source, note in zip(values, dates, sources, notes, strict=True):
        qualifier, _, number = str(value).rpartition(" ")
        figures.append(SeedFigure(key, as_of, Decimal(number), source, qualifier, note))
    return figures


def _one(key: str, as_of: date, value: int | str, source: str, note: str = "") -> SeedFigure:
    return _series(key, [value], [as_of], [source], [note])[0]


# "A cooperative network" measures (Strategy 2024-2026), July 2021 to July 2024.
MEMBERSHIP_MEASURES = [
    *_series(
        "members-full",
        [33, 34, 45, 47],
        notes=("", "", "", f"{PROVISIONAL} The strategy's second table gives 46 for this date."),
    ),
    # The strategy disagrees with itself: both figures are kept, each with its source.
    _one(
        "members-full",
        JULY_2024,
        46,
        f"{s.STRATEGY_2024}, cooperative councils table",
        f"{PROVISIONAL} The first table gives 47 for this date.",
    ),
    *_series("members-associate", [20, 22, 23, 22]),
    *_series(
        "members-town-and-parish",
        [10, 10, 12, 13],
        sources=REVIEW_2022_ONLY,
        notes=(IN_ASSOCIATES,) * 3 + (f"{IN_ASSOCIATES} {PROVISIONAL}",),
    ),
    *_series("members-affiliate", [36, 44, 49, 49]),
    *_series("supporters", [14, 21, 21, 24]),
    *_series("case-studies", ["over 300", "over 420", 478, 535], sources=REVIEW_2022_ONLY),
]


# "Cooperative councils" measures (Strategy 2024-2026), July 2022 to July 2024.
def _policy(key: str, values: Sequence[int]) -> list[SeedFigure]:
    dates = (JULY_2022, JULY_2023, JULY_2024)
    return _series(key, values, dates, (s.STRATEGY_2024,) * 3, ("", "", PROVISIONAL))


POLICY_MEASURES = [
    *_policy("policy-labs", [8, 6, 4]),
    *_policy("policy-labs-councils", [25, 26, 25]),
    *_policy("policy-labs-participation-percent", [74, 58, 54]),
    *_policy("policy-prototypes", [2, 7, 5]),
    *_policy("policy-prototypes-councils", [2, 7, 5]),
    *_policy("policy-prototypes-participation-percent", [6, 16, 11]),
    # The July 2024 value is "TBC" in the strategy, so it is not loaded.
    *_series(
        "meetings-and-events", [10, 12], (JULY_2022, JULY_2023), (s.STRATEGY_2024,) * 2, ("", "")
    ),
]

# The 2020 Policy Prototypes (funded in January 2020, membership year 2019/20): the 2020 report
# says all 13 bids were funded, the 2021 report says 14. Both are kept.
JULY_2020 = date(2020, 7, 31)
PROTOTYPES_2020 = [
    _one("policy-prototypes", JULY_2020, 13, s.LGA_2020, "Bids reviewed in January 2020."),
    _one(
        "policy-prototypes",
        JULY_2020,
        14,
        s.LGA_2021,
        "Highlights of the year; the 2020 report gives 13.",
    ),
]

REVIEW_2022_FIGURES = [
    _one("members-total", JULY_2022, 100, s.REVIEW_2022),
    _one("members-and-supporters", JULY_2021, 103, s.REVIEW_2022, "At the start of the year."),
    _one("members-and-supporters", JULY_2022, 121, s.REVIEW_2022),
    _one("councils-citizens", JULY_2022, 9_100_000, s.REVIEW_2022, EXCLUDING_GMCA),
    _one("councils-budget", JULY_2022, 15_000_000_000, s.REVIEW_2022, EXCLUDING_GMCA),
    _one(
        "councils-all-tiers",
        NOVEMBER_2022,
        47,
        s.REVIEW_2022,
        f"{WELCOME_NOV_2022} Not broken down; 37 Full members and 10 town and parish councils "
        "would make 47.",
    ),
    _one("councils-citizens", NOVEMBER_2022, 9_800_000, s.REVIEW_2022, WELCOME_NOV_2022_TOTALS),
    _one("councils-budget", NOVEMBER_2022, 17_000_000_000, s.REVIEW_2022, WELCOME_NOV_2022_TOTALS),
]


def _lga(key: str, values: Sequence[int]) -> list[SeedFigure]:
    """The "latest membership figures" of the 2020 and 2021 LGA reports."""
    dates = (LGA_2020_DATE, LGA_2021_DATE)
    return _series(key, values, dates, (s.LGA_2020, s.LGA_2021), (LGA_UNDATED,) * 2)


LGA_REPORT_FIGURES = [
    _one(
        "members-full",
        JULY_2017,
        19,
        s.LGA_2020,
        "When the Associate, Affiliate and Supporter schemes launched (LGA Conference, "
        "July 2017); day not given.",
    ),
    *_lga("members-full", [31, 33]),
    *_lga("members-associate", [17, 19]),
    *_lga("members-affiliate", [25, 33]),
    *_lga("supporters", [7, 14]),
    _one("case-studies", LGA_2021_DATE, 257, s.LGA_2021, LGA_UNDATED),
    _one("dps-suppliers", LGA_2021_DATE, 18, s.LGA_2021, LGA_UNDATED),
]

FIGURES: tuple[SeedFigure, ...] = (
    *MEMBERSHIP_MEASURES,
    *POLICY_MEASURES,
    *PROTOTYPES_2020,
    *REVIEW_2022_FIGURES,
    *LGA_REPORT_FIGURES,
)


# From when the demo's records are complete (coopnet.core.figures), as the seeds allow: every
# membership the review lists at 31 July 2022 is loaded from 1 August 2021 (its start is
# approximate), Full members and Supporters completely; only 6 of the 22 Associates and 41 of
# the 44 Affiliates are named, so those counts (and the town and parish councils inside the
# Associates) are never complete; no council budget is recorded.
MEMBERSHIPS_FROM = s.YEAR_START_2021
LISTED = "Every member the Review of the Year 2021/22 lists is loaded from 1 August 2021."
COVERAGE: tuple[tuple[str, date | None, str], ...] = (
    ("members-full", MEMBERSHIPS_FROM, LISTED),
    ("supporters", MEMBERSHIPS_FROM, LISTED),
    ("members-associate", None, "The review names 6 of its 22 Associate members."),
    ("members-town-and-parish", None, "Counted inside the Associates, which are partly named."),
    ("members-affiliate", None, "Three of the 44 Affiliate logos give no legible name."),
    (
        "council-populations",
        MEMBERSHIPS_FROM,
        "2020 population estimates in the UK local authority reference table.",
    ),
    ("council-budgets", None, "No council budget is recorded."),
    ("case-studies", None, "Only some of the published case studies are loaded."),
)
