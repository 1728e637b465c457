"""Governing documents (versions adopted on a date) and members' photos."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.uploads import image_format, name_by_content
from coopnet.members.models import Person

from ..errors import GovernanceError
from ..models import DocumentVersion, GovernanceDocument, Meeting, MemberProfile
from .appointments import MANAGE
from .meetings import _check_pdf

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def document_version_add(
    *,
    document: GovernanceDocument,
    label: str,
    adopted_on: date,
    text: str = "",
    upload: UploadedFile | None = None,
    adopted_at: Meeting | None = None,
    by: Actor,
) -> DocumentVersion:
    """Record a version of the constitution or terms of reference, adopted on a date (at a
    meeting, if one is named: then on that meeting's date)."""
    require(by, MANAGE)
    with transaction.atomic(), acting_as(by):
        GovernanceDocument.objects.select_for_update(of=("self",)).filter(pk=document.pk).first()
        if adopted_at is not None and adopted_at.starts_at.date() != adopted_on:
            raise GovernanceError(
                _("The adoption date is the date of the meeting that adopted it.")
            )
        if document.versions.filter(label=label).exists():
            raise GovernanceError(
                _("This document already has a version called %(label)s.") % {"label": label}
            )
        if not text.strip() and upload is None:
            raise GovernanceError(_("Give the text of the version or upload it as a PDF."))
        if upload is not None:
            _check_pdf(upload)
        version = DocumentVersion.objects.create(
            document=document,
            label=label,
            adopted_on=adopted_on,
            adopted_at=adopted_at,
            text=text,
            file=upload or "",
        )
        audit_record(
            by=by,
            action="document.version_added",
            target=version,
            summary=f"{document}: version {label} adopted on {adopted_on.isoformat()}",
            about=(document, document.body, adopted_at),
        )
        return version


def _check_photo(upload: UploadedFile) -> None:
    if upload.size is None or upload.size > PHOTO_MAX_BYTES:
        raise GovernanceError(_("The photo is larger than 2 MB."))
    if image_format(upload) not in PHOTO_FORMATS:
        raise GovernanceError(_("The photo must be a JPEG, PNG or WebP image."))
    name_by_content(upload)


def member_photo_save(
    *, person: Person, upload: UploadedFile | None, alt: str, by: Actor
) -> MemberProfile:
    """Set (or, with no upload, remove) the photo shown on governance pages."""
    require(by, MANAGE)
    if upload is not None:
        _check_photo(upload)
        if not alt.strip():
            raise GovernanceError(_("Describe the photo for people who cannot see it."))
    with transaction.atomic(), acting_as(by):
        profile, _created = MemberProfile.objects.select_for_update(of=("self",)).get_or_create(
            person=person
        )
        profile.photo = upload if upload is not None else ""
        profile.photo_alt = alt.strip()
        profile.save()
        audit_record(
            by=by,
            action="governance.photo_saved" if upload is not None else "governance.photo_removed",
            target=profile,
            summary=f"Photo of {person} " + ("saved" if upload is not None else "removed"),
            about=(person,),
        )
        return profile
