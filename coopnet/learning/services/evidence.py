"""Evidence files attached to a draft self-assessment, checked by content (core.uploads)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.uploads import DOCX, EXTENSIONS, JPEG, PDF, PNG, UploadRefused, checked_type

from ..errors import LearningError
from ..models import EvidenceFile, SelfAssessment
from .assessments import _draft

EVIDENCE_TYPES = (PDF, PNG, JPEG, DOCX)


def max_evidence_bytes() -> int:
    return int(getattr(settings, "COOPNET_LEARNING_MAX_EVIDENCE_BYTES", 10 * 1024 * 1024))


@transaction.atomic
def evidence_attach(
    *, assessment: SelfAssessment, title: str, upload: UploadedFile, by: Any
) -> EvidenceFile:
    """Attach a file to a draft self-assessment (those who may contribute to it). The stored
    name is random and its extension comes from the type found in the content."""
    assessment = _draft(assessment)
    require(
        by,
        "learning.contribute",
        assessment,
        message=_("Only the council and the colleagues it invited may add evidence."),
    )
    try:
        kind = checked_type(upload, accepted=EVIDENCE_TYPES, max_bytes=max_evidence_bytes())
    except UploadRefused as exc:
        raise LearningError(str(exc), field="file") from exc
    with acting_as(by):
        evidence = EvidenceFile(
            assessment=assessment,
            title=title,
            kind=kind,
            size=upload.size or 0,
            uploaded_by=user_of(by),
        )
        evidence.file.save(f"evidence.{EXTENSIONS[kind]}", upload, save=False)
        evidence.save()
        audit_record(
            by=by,
            action="assessment.evidence_attached",
            target=assessment,
            about=(assessment.organisation,),
        )
    return evidence
