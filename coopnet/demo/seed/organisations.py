"""Organisations named in the seeds, with the memberships the seeds support.

Names are as the network publishes them. Councils are matched to the local-authority table by
name (coopnet.members.reference.name_lookup); COUNCIL_CODES_BY_HAND fixes the few names the
lookup does not know. Where the seeds name an organisation but do not say it was a member, it is
loaded without a membership.
"""

from __future__ import annotations

from django.utils.text import slugify

from coopnet.members.models import OrganisationKind as K

from . import sources as s
from .types import SeedMembership, SeedOrganisation

COUNCIL_CODES_BY_HAND: dict[str, str] = {
    "Barking & Dagenham Council": "BDG",
    "Brent Council": "BEN",
    "Cheshire West & Chester Council": "CHW",
    "Lewisham Council": "LEW",
    "Oldham Council": "OLD",
    "Tameside Council": "TAM",
    "Hackney Council": "HCK",
    "Newham Council": "NWM",
}

FULL_MEMBERS_2022 = (
    "Barking & Dagenham Council",
    "Bassetlaw District Council",
    "Birmingham City Council",
    "Brent Council",
    "Bristol City Council",
    "Cardiff Council",
    "Cheshire West & Chester Council",
    "City of Edinburgh Council",
    "Glasgow City Council",
    "Greater Manchester Combined Authority",
    "Royal Borough of Greenwich",
    "Hull City Council",
    "Kirklees Council",
    "Knowsley Metropolitan Borough Council",
    "Lewisham Council",
    "Liverpool City Council",
    "Milton Keynes Council",
    "Newcastle City Council",
    "North Hertfordshire District Council",
    "Oldham Council",
    "Oxford City Council",
    "Preston City Council",
    "Rochdale Metropolitan Borough Council",
    "Salford City Council",
    "South Ribble Borough Council",
    "South Tyneside Council",
    "Stevenage Borough Council",
    "Stroud District Council",
    "Sunderland City Council",
    "Tameside Council",
    "Telford and Wrekin Council",
    "Torbay Council",
    "Wigan Council",
    "Worthing Borough Council",
)
FULL_MEMBERS_SEPT_2022 = ("Hackney Council", "Newham Council", "Trafford Council")
# Named as leading funded projects (LGA report 2020) and taking part in policy labs, but the
# seeds never list them as members on a date: organisations only.
COUNCILS_WITHOUT_MEMBERSHIP = ("Plymouth City Council", "Southampton City Council")

COMBINED_AUTHORITIES = {"Greater Manchester Combined Authority"}

# Logos shown for the 44 Affiliate members at 31 July 2022. Three logos (read as "c.co", "cbn"
# and "W") do not give a legible name, so those members are not loaded: the gap is covered by
# the reported figure.
AFFILIATES_2022: tuple[tuple[str, str], ...] = (
    ("4oc", "4OC"),
    ("the-active-wellbeing-society", "The Active Wellbeing Society"),
    ("anthony-collins-solicitors", "Anthony Collins Solicitors"),
    ("bates-wells", "Bates Wells"),
    ("beartas", "BEARTAS"),
    ("the-behaviouralist", "The Behaviouralist"),
    ("branding-coop", "branding.coop"),
    ("co-operative-care-colne-valley", "Co-operative Care Colne Valley"),
    ("co-operative-college", "Co-operative College"),
    ("co-operatives-uk", "Co-operatives UK"),
    ("constellia", "Constellia"),
    ("cms-co-operative-mutual-solutions", "CMS Co-operative & Mutual Solutions"),
    ("co-operative-futures", "Co-operative Futures"),
    ("co-operatives-west-midlands", "Co-operatives West Midlands"),
    ("ewmpas", "ewmpas"),
    ("development-coop", "development.coop"),
    ("e3m", "E3M"),
    ("eculture-solutions", "eCulture Solutions"),
    ("evenbreak", "Evenbreak"),
    ("governance-international", "Governance International"),
    ("gcda", "GCDA"),
    ("ics-ai", "ICS.AI"),
    ("ideas-alliance", "Ideas Alliance"),
    ("lambeth-gp-food-co-op", "Lambeth GP Food Co-op"),
    ("locality", "Locality"),
    ("marks-out-of-tenancy", "Marks Out Of Tenancy"),
    ("mutual-ventures", "Mutual Ventures"),
    ("oxygen-finance", "Oxygen Finance"),
    ("peopletoo", "Peopletoo"),
    ("pohwer", "POhWER"),
    ("power-to-change", "Power to Change"),
    ("public-service-transformation-academy", "Public Service Transformation Academy"),
    ("redquadrant", "RedQuadrant"),
    ("rsa", "RSA"),
    ("social-value-exchange", "Social Value Exchange"),
    ("stir-to-action", "Stir to Action"),
    ("sunbelt-rentals", "Sunbelt Rentals"),
    ("trueman-change", "Trueman Change"),
    ("unlimited-potential", "Unlimited Potential"),
    ("valuematch", "Valuematch"),
    ("wea", "WEA"),
)

SUPPORTER_ORGANISATIONS_2022 = (
    "Community Catalysts",
    "South West Peninsula Party Council",
    "Southwark Co-operative Party",
    "The Finance Innovation Lab",
    "Resonance Ltd",
)

_FULL = SeedMembership("full", s.YEAR_START_2021, s.FULL_AT_YEAR_END)
_FULL_SEPT_2022 = SeedMembership("full", s.LABOUR_CONFERENCE_2022, s.FULL_JOINED_SEPT_2022)
_AFFILIATE = SeedMembership("affiliate", s.YEAR_START_2021, s.AFFILIATE_AT_YEAR_END)
_SUPPORTER = SeedMembership("supporter", s.YEAR_START_2021, s.SUPPORTER_AT_YEAR_END)
_ASSOCIATE_EOC = SeedMembership("associate", s.YEAR_START_2021, s.ASSOCIATE_ON_EOC)
_ASSOCIATE_VP = SeedMembership("associate", s.YEAR_START_2021, s.ASSOCIATE_ON_VP_BOARD)
_ASSOCIATE_SEPT_2022 = SeedMembership(
    "associate", s.LABOUR_CONFERENCE_2022, s.ASSOCIATE_JOINED_SEPT_2022
)


def _council(name: str, membership: SeedMembership | None) -> SeedOrganisation:
    kind = K.COMBINED_AUTHORITY if name in COMBINED_AUTHORITIES else K.PRINCIPAL_COUNCIL
    return SeedOrganisation(slugify(name), name, kind, membership=membership)


def _associate(
    name: str, kind: str, area: str, membership: SeedMembership | None
) -> SeedOrganisation:
    return SeedOrganisation(slugify(name), name, kind, area=area, membership=membership)


COUNCILS = (
    *(_council(name, _FULL) for name in FULL_MEMBERS_2022),
    *(_council(name, _FULL_SEPT_2022) for name in FULL_MEMBERS_SEPT_2022),
    *(_council(name, None) for name in COUNCILS_WITHOUT_MEMBERSHIP),
)

ASSOCIATES = (
    _associate("Billingham Town Council", K.LOCAL_COUNCIL, "Stockton-on-Tees", _ASSOCIATE_EOC),
    _associate("Burntwood Town Council", K.LOCAL_COUNCIL, "Lichfield", _ASSOCIATE_VP),
    _associate("Woughton Community Council", K.LOCAL_COUNCIL, "Milton Keynes", _ASSOCIATE_VP),
    _associate("Hillingdon Labour & Co-op Group", K.POLITICAL_GROUP, "Hillingdon", _ASSOCIATE_VP),
    _associate(
        "Newcastle-under-Lyme Labour & Co-op Group",
        K.POLITICAL_GROUP,
        "Newcastle-under-Lyme",
        _ASSOCIATE_VP,
    ),
    _associate(
        "North Warwickshire Labour & Co-op Group",
        K.POLITICAL_GROUP,
        "North Warwickshire",
        _ASSOCIATE_VP,
    ),
    # Pictured at the network's events in 2021/22; the seeds do not say they were members.
    _associate("Peterborough Labour Group", K.POLITICAL_GROUP, "Peterborough", None),
    _associate("Plymouth Labour Group", K.POLITICAL_GROUP, "Plymouth", None),
    _associate("Stoke Labour Group", K.POLITICAL_GROUP, "Stoke-on-Trent", _ASSOCIATE_SEPT_2022),
)

AFFILIATES = tuple(
    SeedOrganisation(slug, name, K.AFFILIATE_ORGANISATION, membership=_AFFILIATE)
    for slug, name in AFFILIATES_2022
)

SUPPORTER_ORGANISATIONS = tuple(
    SeedOrganisation(slugify(name), name, K.SUPPORTER_ORGANISATION, membership=_SUPPORTER)
    for name in SUPPORTER_ORGANISATIONS_2022
)

# On the Dynamic Purchasing System on 31 July 2022 (Review of the Year 2021/22) without being
# members: organisations of the kind "supplier" (the other 13 on the DPS are Affiliates above).
DPS_SUPPLIERS_2022 = (
    "Centrifuge",
    "CLES Consulting",
    "Climate Positive",
    "Collaborate CIC",
    "Crellin Consulting",
    "Made Open",
    "Ruby Star Associates",
)
SUPPLIERS = tuple(SeedOrganisation(slugify(name), name, K.SUPPLIER) for name in DPS_SUPPLIERS_2022)

ORGANISATIONS: tuple[SeedOrganisation, ...] = (
    *COUNCILS,
    *ASSOCIATES,
    *AFFILIATES,
    *SUPPORTER_ORGANISATIONS,
    *SUPPLIERS,
)
