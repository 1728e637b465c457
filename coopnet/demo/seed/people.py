"""People the seeds name, with their roles at organisations.

Councillors, officers and board members named in the review in their public role are public.
Individual supporters are listed in the review too, but as private individuals: nothing in the
seeds says they agreed to appear on this platform, so they are loaded as not public. Nobody gets
an email address or telephone number.
"""

from __future__ import annotations

from datetime import date

from django.utils.text import slugify

from coopnet.members.models import RoleKind as R

from . import sources as s
from .types import SeedMembership, SeedPerson, SeedRole

CLLR = "Cllr"


def _public(
    full_name: str,
    organisation: str = "",
    kind: str = R.COUNCILLOR,
    title: str = "",
    *,
    honorific: str = "",
    post_nominals: str = "",
    end: date | None = None,
) -> SeedPerson:
    """Someone the seeds name in a public role; with no organisation, no role is recorded."""
    roles = (SeedRole(organisation, kind, title, end=end),) if organisation else ()
    return SeedPerson(
        slug=slugify(full_name),
        full_name=full_name,
        honorific=honorific,
        post_nominals=post_nominals,
        public=True,
        roles=roles,
    )


def _cllr(
    full_name: str,
    organisation: str,
    kind: str = R.COUNCILLOR,
    title: str = "",
    *,
    post_nominals: str = "",
    end: date | None = None,
) -> SeedPerson:
    return _public(
        full_name, organisation, kind, title, honorific=CLLR, post_nominals=post_nominals, end=end
    )


# The Executive Oversight Committee at 31 July 2022, and a member who stepped down in the year.
EXECUTIVE_OVERSIGHT_COMMITTEE = (
    _cllr(
        "Sharon Taylor",
        "stevenage-borough-council",
        R.LEADER,
        "Leader",
        post_nominals="OBE",
        end=date(2022, 12, 31),  # stepping down as Leader at the end of December 2022
    ),
    _cllr("Peter Bradbury", "cardiff-council", R.CABINET_MEMBER, "Cabinet Member"),
    _cllr("Paul Stewart", "sunderland-city-council", R.CABINET_MEMBER, "Cabinet Member"),
    _cllr("Shabir Pandor", "kirklees-council", R.LEADER, "Leader"),
    _cllr("Barbara Brownridge", "oldham-council", R.CABINET_MEMBER, "Cabinet Member"),
    _cllr("Steve Darling", "torbay-council", R.LEADER, "Leader"),
    _cllr("Louise Gittins", "cheshire-west-chester-council", R.LEADER, "Leader"),
    _cllr("Sue Smith", "rochdale-metropolitan-borough-council", R.CABINET_MEMBER, "Cabinet Member"),
    _cllr("Clare Gamble", "billingham-town-council", R.COUNCILLOR, "Chair"),
    _public("Jonathan Bland", "e3m", R.CONTACT, "Managing Director"),
    _cllr("Leanne Feeley", "tameside-council"),
)

# The Values & Principles Board at 31 July 2022, and members who served during the year.
VALUES_AND_PRINCIPLES_BOARD = (
    _cllr("Sue Woodward", "burntwood-town-council", R.LEADER, "Leader"),
    _public("Gus Della Porta", "bates-wells", R.CONTACT),
    _cllr("John Fahy", "royal-borough-of-greenwich"),
    _cllr("Frank Walsh", "knowsley-metropolitan-borough-council"),
    _cllr("Rae Evans", "telford-and-wrekin-council"),
    _cllr("Joyce Welsh", "south-tyneside-council"),
    _cllr("Peter Curling", "hillingdon-labour-co-op-group"),
    _cllr("Michael Stubbs", "newcastle-under-lyme-labour-co-op-group"),
    _cllr("Hayden Philips", "north-warwickshire-labour-co-op-group"),
    _cllr("Donna Fuller", "woughton-community-council"),
    _public("Rachael Walker", "trueman-change", R.CONTACT),
    _public("Jo White", "co-operative-futures", R.CONTACT),
    _public("Neil Calvert", "co-operative-college", R.CONTACT),
    _public("Cheryl Barrott", "co-operatives-uk", R.CONTACT),
    _cllr("Joyce McCarty", "newcastle-city-council"),
    _public("Michael Curnow", "peopletoo", R.CONTACT),
    # Co-operative sector and trade union seats: their organisations are not in the registry.
    _public("Paul Bell"),
    _public("Rebecca Harvey"),
    _public("Richard McCready"),
    _public("Emma Hoddinott"),
    _public("Sian Elliott"),
)

OTHER_PUBLIC_ROLES = (
    _public("Jonathan Downs", "oldham-council", R.OFFICER_LEAD, "Corporate Policy Lead"),
    _public("Nicola Huckerby"),  # the network's operations lead; the network is not a member
    _cllr("Milli Patel", "brent-council", R.CABINET_MEMBER, "Deputy Leader"),
    _cllr("Brigid Jones", "birmingham-city-council", R.CABINET_MEMBER, "Deputy Leader"),
    _cllr(
        "John Cotton",
        "birmingham-city-council",
        R.CABINET_MEMBER,
        "Cabinet Member for Social Justice, Community Safety and Equalities",
    ),
    _cllr("Darren Rodwell", "barking-dagenham-council", R.LEADER, "Leader"),
    _cllr("Shaun Davies", "telford-and-wrekin-council", R.LEADER, "Leader"),
    _cllr("Graham Morgan", "knowsley-metropolitan-borough-council", R.LEADER, "Leader"),
    _cllr("Shaz Nawaz", "peterborough-labour-group", R.LEADER, "Leader"),
    _cllr("Sue Dann", "plymouth-labour-group"),
    _cllr("Mary Aspinall", "plymouth-labour-group"),
)

_SUPPORTER = SeedMembership("supporter", s.YEAR_START_2021, s.SUPPORTER_AT_YEAR_END)

# (honorific, full name, post-nominals) of the 16 individual Supporters at 31 July 2022.
INDIVIDUAL_SUPPORTERS_2022 = (
    ("", "Chris Bain", ""),
    ("", "Stephen Barry-Stanners", ""),
    ("", "Stephanie Baxter", ""),
    ("", "Michael Bell", ""),
    ("", "Andy Boys", ""),
    ("", "Paul Byrne", ""),
    ("", "Richard Eason", ""),
    ("", "Sandra Hamilton", ""),
    ("", "Christin Marshall", ""),
    (CLLR, "Keith Martin", ""),
    (CLLR, "Thomas Mewies", ""),
    ("", "Rani Moorcroft", "MBE"),
    ("", "Ben Procter", ""),
    (CLLR, "Mike Roberts", ""),
    ("", "Peter Sagar", ""),
    ("", "Glyn Thomas", "JP FRSA"),
)

INDIVIDUAL_SUPPORTERS = tuple(
    SeedPerson(
        slug=slugify(name),
        full_name=name,
        honorific=honorific,
        post_nominals=post_nominals,
        public=False,
        membership=_SUPPORTER,
    )
    for honorific, name, post_nominals in INDIVIDUAL_SUPPORTERS_2022
)

PEOPLE: tuple[SeedPerson, ...] = (
    *EXECUTIVE_OVERSIGHT_COMMITTEE,
    *VALUES_AND_PRINCIPLES_BOARD,
    *OTHER_PUBLIC_ROLES,
    *INDIVIDUAL_SUPPORTERS,
)
