"""The shapes of the demo data: plain, frozen records that the loader turns into rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class SeedMembership:
    """A membership period the seeds support. The start is approximate unless a date is given."""

    category: str  # MembershipCategory.code
    start: date
    source: str
    start_is_approximate: bool = True


@dataclass(frozen=True)
class SeedOrganisation:
    """An organisation named in the seeds.

    Councils (principal councils and combined authorities) are matched to the local-authority
    table by name; town, parish and community councils and political groups name the council
    area they belong to (`area`, matched the same way).
    """

    slug: str
    name: str
    kind: str  # OrganisationKind value
    area: str = ""
    membership: SeedMembership | None = None


@dataclass(frozen=True)
class SeedRole:
    organisation: str  # SeedOrganisation.slug
    kind: str  # RoleKind value
    title: str = ""
    end: date | None = None
    manages_profile: bool = False


@dataclass(frozen=True)
class SeedPerson:
    """A person named in the seeds, or a made-up person behind a demo account.

    `public` says whether the person may be shown on public pages. It is True only for people
    the seeds name in a public office or a published governance role; it defaults to False.
    """

    slug: str
    full_name: str
    honorific: str = ""
    post_nominals: str = ""
    public: bool = False
    roles: tuple[SeedRole, ...] = ()
    membership: SeedMembership | None = None


@dataclass(frozen=True)
class SeedFigure:
    """A figure the network published, with the date it is given for and where it was published."""

    key: str
    as_of: date
    value: Decimal
    source: str
    qualifier: str = ""
    note: str = ""


@dataclass(frozen=True)
class DemoAccount:
    """One sign-in per access role. `person` links the account to a SeedPerson by slug."""

    role: str  # UserRole value
    email: str
    full_name: str
    is_staff: bool = False
    person: str = ""
