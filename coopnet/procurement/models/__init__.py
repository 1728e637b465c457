"""The purchasing arrangement, supplier applications, admissions and call-offs."""

from .applications import (
    EXCLUSION_GROUNDS,
    Admission,
    CategoryDecision,
    DeclarationRenewal,
    SupplierApplication,
)
from .arrangements import Arrangement, Category, Notice, Regime, RegimeRules
from .calloffs import (
    RETENTION_YEARS,
    Award,
    AwardCriterion,
    CallOff,
    Clarification,
    CommunicationLog,
    Invitation,
    Score,
    Tender,
    add_years,
)

__all__ = [
    "EXCLUSION_GROUNDS",
    "RETENTION_YEARS",
    "Admission",
    "Arrangement",
    "Award",
    "AwardCriterion",
    "CallOff",
    "Category",
    "CategoryDecision",
    "Clarification",
    "CommunicationLog",
    "DeclarationRenewal",
    "Invitation",
    "Notice",
    "Regime",
    "RegimeRules",
    "Score",
    "SupplierApplication",
    "Tender",
    "add_years",
]
