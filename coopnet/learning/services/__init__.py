"""Writes to learning and peer review (one transaction each, audited)."""

from .assessments import (
    ActionInput,
    RatingInput,
    assessment_contribute,
    assessment_invite,
    assessment_link,
    assessment_start,
    assessment_submit,
    colleagues_of,
    current_framework,
    linkable_case_studies,
    linkable_projects,
)
from .evidence import EVIDENCE_TYPES, evidence_attach
from .induction import induction_item_done, induction_start
from .reviews import (
    RecommendationInput,
    action_complete,
    action_reminders_send,
    conflict_declare,
    review_agree,
    review_assign_reviewer,
    review_publish,
    review_record_findings,
    review_setup,
    review_share_assessment,
)
from .training import check_certificate, enrolment_complete, enrolment_record

__all__ = [
    "EVIDENCE_TYPES",
    "ActionInput",
    "RatingInput",
    "RecommendationInput",
    "action_complete",
    "action_reminders_send",
    "assessment_contribute",
    "assessment_invite",
    "assessment_link",
    "assessment_start",
    "assessment_submit",
    "check_certificate",
    "colleagues_of",
    "conflict_declare",
    "current_framework",
    "enrolment_complete",
    "enrolment_record",
    "evidence_attach",
    "induction_item_done",
    "induction_start",
    "linkable_case_studies",
    "linkable_projects",
    "review_agree",
    "review_assign_reviewer",
    "review_publish",
    "review_record_findings",
    "review_setup",
    "review_share_assessment",
]
