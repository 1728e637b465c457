"""The members app's records: the registry (registry.py) and applications to join
(applications.py), and subject-access exports (privacy.py)."""

from .applications import (
    OPEN_STATUSES,
    ApplicantType,
    Application,
    ApplicationAssessment,
    ApplicationMessage,
    Rating,
)
from .privacy import SubjectAccessExport
from .registry import (
    COUNCIL_KINDS,
    CouncilBudget,
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    RoleKind,
)

__all__ = [
    "COUNCIL_KINDS",
    "OPEN_STATUSES",
    "ApplicantType",
    "Application",
    "ApplicationAssessment",
    "ApplicationMessage",
    "CouncilBudget",
    "LocalAuthority",
    "Membership",
    "MembershipCategory",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Rating",
    "Role",
    "RoleKind",
    "SubjectAccessExport",
]
