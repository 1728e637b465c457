"""Enrolments on training programmes and their completion (with a certificate)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import allowed, refuse, require
from coopnet.core.uploads import PDF, UploadRefused, checked_type
from coopnet.members.models import Organisation, Person

from ..errors import LearningError
from ..models import Enrolment, Programme

MB = 1024 * 1024


def max_certificate_bytes() -> int:
    return int(getattr(settings, "COOPNET_LEARNING_MAX_CERTIFICATE_BYTES", 10 * MB))


def check_certificate(upload: UploadedFile) -> None:
    """The one upload check (`coopnet.core.uploads`): a PDF by its content, within the limit."""
    try:
        checked_type(upload, accepted=(PDF,), max_bytes=max_certificate_bytes())
    except UploadRefused as exc:
        raise LearningError(str(exc), field="certificate") from exc


def _acts_for(by: Any, person: Person) -> bool:
    own = getattr(by, "person", None)
    return (own is not None and own.pk == person.pk) or allowed(by, "learning.manage")


@transaction.atomic
def enrolment_record(
    *,
    person: Person,
    programme: Programme,
    by: Any,
    organisation: Organisation | None = None,
    on: date | None = None,
) -> Enrolment:
    """Record that a person enrolled on a programme (themselves, or staff for them)."""
    require(by, "learning.enrol")
    if not _acts_for(by, person):
        raise refuse(_("You may only record your own enrolments."))
    if not programme.is_active:
        raise LearningError(_("This programme is no longer offered."))
    if Enrolment.objects.filter(person=person, programme=programme).exists():
        raise LearningError(_("You are already enrolled on this programme."))
    with acting_as(by):
        enrolment = Enrolment.objects.create(
            person=person,
            programme=programme,
            organisation=organisation,
            enrolled_on=on or timezone.localdate(),
        )
        audit_record(
            by=by,
            action="enrolment.recorded",
            target=enrolment,
            about=(person, organisation, programme),
        )
    return enrolment


@transaction.atomic
def enrolment_complete(
    *,
    enrolment: Enrolment,
    by: Any,
    completed_on: date,
    certificate: UploadedFile | None = None,
) -> Enrolment:
    """Mark an enrolment completed, with the certificate if there is one."""
    enrolment = Enrolment.objects.select_for_update(of=("self",)).get(pk=enrolment.pk)
    if not _acts_for(by, enrolment.person):
        raise refuse(_("You may only complete your own enrolments."))
    if completed_on > timezone.localdate():
        raise LearningError(
            _("The date of completion cannot be in the future."), field="completed_on"
        )
    if completed_on < enrolment.enrolled_on:
        raise LearningError(
            _("The date of completion cannot be before the enrolment."), field="completed_on"
        )
    if certificate is not None:
        check_certificate(certificate)
    with acting_as(by):
        enrolment.status = Enrolment.Status.COMPLETED
        enrolment.completed_on = completed_on
        if certificate is not None:
            # The stored name comes from the type, never from the uploader.
            enrolment.certificate.save(f"certificate-{enrolment.pk}.pdf", certificate, save=False)
        enrolment.save()
        audit_record(
            by=by,
            action="enrolment.completed",
            target=enrolment,
            about=(enrolment.person, enrolment.organisation),
        )
    return enrolment
