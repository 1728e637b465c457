"""The demo data, built from the network's published documents (../shared/seeds/).

Facts and figures are carried over with their dates and sources; nothing is invented to fill a
gap. Where a document gives a count but not the names behind it, the count is kept as a
reported figure instead.
"""

from .accounts import DEMO_ACCOUNTS, DEMO_PEOPLE
from .figures import COVERAGE, FIGURES
from .organisations import COUNCIL_CODES_BY_HAND, ORGANISATIONS
from .people import PEOPLE
from .types import DemoAccount, SeedFigure, SeedMembership, SeedOrganisation, SeedPerson, SeedRole

__all__ = [
    "COUNCIL_CODES_BY_HAND",
    "COVERAGE",
    "DEMO_ACCOUNTS",
    "DEMO_PEOPLE",
    "FIGURES",
    "ORGANISATIONS",
    "PEOPLE",
    "DemoAccount",
    "SeedFigure",
    "SeedMembership",
    "SeedOrganisation",
    "SeedPerson",
    "SeedRole",
]
