"""The source documents (in ../shared/seeds/) and the dates they give facts for.

Every membership and reported figure names its source, so the registry can show where a fact
comes from and how sure it is.
"""

from __future__ import annotations

from datetime import date

REVIEW_2022 = "Review of the Year 2021/22 (August 2021 – July 2022)"
LGA_2020 = "Special Interest Group annual report to the LGA Board, 2020"
LGA_2021 = "Special Interest Group annual report to the LGA Board, 2021"
STRATEGY_2024 = "Strategy 2024–2026, measures tables"

# The review lists members "as of" the end of the membership year.
YEAR_END_2022 = date(2022, 7, 31)
# Start of the 2021/22 membership year: used as an approximate start for members the review
# lists at 31 July 2022, whose real joining dates the seeds do not give.
YEAR_START_2021 = date(2021, 8, 1)
# The Labour Party Conference, September 2022, where the network welcomed new members.
LABOUR_CONFERENCE_2022 = date(2022, 9, 25)

FULL_AT_YEAR_END = f"{REVIEW_2022}: listed as a Full member at 31 July 2022"
FULL_JOINED_SEPT_2022 = (
    f"{REVIEW_2022}, Chair's welcome: welcomed as a new Full member at the Labour Party "
    "Conference, September 2022 (day approximate)"
)
ASSOCIATE_JOINED_SEPT_2022 = (
    f"{REVIEW_2022}, Chair's welcome: welcomed as a new Associate member at the Labour Party "
    "Conference, September 2022 (day approximate)"
)
ASSOCIATE_ON_EOC = (
    f"{REVIEW_2022}: its councillor held the Associate members' seat on the Executive Oversight "
    "Committee at 31 July 2022"
)
ASSOCIATE_ON_VP_BOARD = (
    f"{REVIEW_2022}: its councillor held an Associate member seat on the Values & Principles "
    "Board at 31 July 2022"
)
AFFILIATE_AT_YEAR_END = f"{REVIEW_2022}: shown among the Affiliate members at 31 July 2022"
SUPPORTER_AT_YEAR_END = f"{REVIEW_2022}: listed as a Supporter at 31 July 2022"
