"""The word lists synthetic names and titles are drawn from."""

from __future__ import annotations


def _words(text: str, sep: str = " ") -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(sep))


PREFIXES = _words(
    "Ash Brad Bram Brook Chip Clay Cold Dun Elm Fair Glen Hart Hazel Holm King Lang Mar Mill "
    "Oak Pen Red Ring Rose Sand Shep Stan Stock Thorn Wal Whit Wick Wood Bar Cran Har Ald"
)
SUFFIXES = _words(
    "bury by combe den don field ford gate ham hill hurst ley marsh mouth stead stoke ton wick "
    "well worth"
)
MODIFIERS = ("", "Great ", "Little ", "Upper ", "Lower ", "Nether ")
AFFILIATE_FORMS = _words(
    "Community Energy Co-operative | Housing Co-operative | Credit Union | Development Trust | "
    "Community Land Trust | Food Co-operative | Care Co-operative | Mutual Society | "
    "Co-operative Development Agency | Community Business Network | Workers' Co-operative | "
    "Community Interest Company",
    "|",
)
SUPPORTER_FORMS = _words("Associates Consulting Foundation Partnership Trust Research")
PARTIES = _words(
    "Labour and Co-operative | Co-operative Party | Labour | Liberal Democrat | Green | "
    "Independent",
    "|",
)
FIRST_NAMES = _words(
    "Aisha Alan Amir Ann Ben Bethan Carys Chloe Dafydd David Deborah Eilidh Emma Fatima Fiona "
    "Gareth George Grace Hannah Harry Imran Isla Jack James Jane John Karen Kieran Laura Leah "
    "Liam Lucy Mark Mary Mohammed Morag Nadia Niamh Oliver Owen Patrick Priya Rachel Rhys Ruth "
    "Sam Sarah Sean Sian Sophie Steven Tariq Thomas Una Yasmin Zoe"
)
SURNAMES = _words(
    "Ahmed Ali Allen Baker Begum Bell Brown Campbell Clarke Davies Edwards Evans Green Hall "
    "Harris Hughes Jackson James Jones Kaur Kelly Khan Lewis Lloyd Macdonald Martin Morgan Murphy "
    "Murray O'Neill Patel Phillips Price Roberts Robinson Scott Shah Singh Smith Taylor Thomas "
    "Thompson Walker Watson White Williams Wilson Wood Wright Young"
)
PORTFOLIOS = _words(
    "Housing | Communities | Inclusive Economy | Community Wealth Building | "
    "Climate and Environment | Adult Social Care | Children and Families | Finance",
    "|",
)
OFFICER_TITLES = _words(
    "Head of Community Development | Policy Officer | Strategy Manager | "
    "Co-operative Development Officer | Assistant Chief Executive",
    "|",
)
# The first three may be followed by a return to the network; the others end a history.
END_REASONS = (
    "Resigned from the network",
    "Did not renew for the new membership year",
    "Fees unpaid after reminders",
    "Organisation dissolved",
    "Council reorganisation",
)
