"""Training, induction, the self-assessment framework and peer review."""

from .assessments import ActionAnswer, Contributor, EvidenceFile, Rating, SelfAssessment
from .framework import ActionGroup, ChecklistItem, Criterion, Framework, Level
from .induction import Induction, InductionItem, InductionStep, Owner
from .reviews import ConflictDeclaration, Finding, PeerReview, Recommendation, Reviewer
from .training import Audience, Enrolment, Programme

__all__ = [
    "ActionAnswer",
    "ActionGroup",
    "Audience",
    "ChecklistItem",
    "ConflictDeclaration",
    "Contributor",
    "Criterion",
    "Enrolment",
    "EvidenceFile",
    "Finding",
    "Framework",
    "Induction",
    "InductionItem",
    "InductionStep",
    "Level",
    "Owner",
    "PeerReview",
    "Programme",
    "Rating",
    "Recommendation",
    "Reviewer",
    "SelfAssessment",
]
