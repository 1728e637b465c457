"""A case study's images, attachments and links: added and removed while it may be edited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.guard import require
from coopnet.core.uploads import PDF, name_by_content

from ..errors import KnowledgeError
from ..models import CaseStudy, CaseStudyAttachment, CaseStudyImage, CaseStudyLink
from ..validators import validate_image, validate_pdf
from .case_studies import _audit, _locked


def _editable(case_study: CaseStudy, by: Actor) -> CaseStudy:
    case_study = _locked(case_study)
    require(by, "knowledge.change_case_study", case_study)
    return case_study


def _accepted(check: Any, upload: UploadedFile, field: str) -> None:
    """The upload check again in the service (the form ran it too): a refusal, not a crash."""
    try:
        check(upload)
    except ValidationError as exc:
        raise KnowledgeError(" ".join(exc.messages), field=field) from exc


@transaction.atomic
def case_study_add_image(
    *, case_study: CaseStudy, by: Actor, image: UploadedFile, alt_text: str, caption: str = ""
) -> CaseStudyImage:
    case_study = _editable(case_study, by)
    if not alt_text.strip():
        raise KnowledgeError(
            _("Describe the image for someone who cannot see it."), field="alt_text"
        )
    _accepted(validate_image, image, "image")
    name_by_content(image)
    order = case_study.images.count()
    with acting_as(by):
        added = CaseStudyImage.objects.create(
            case_study=case_study,
            image=image,
            alt_text=alt_text.strip(),
            caption=caption,
            order=order,
        )
        _audit(by, "case_study.image_added", case_study)
    return added


@transaction.atomic
def case_study_add_attachment(
    *, case_study: CaseStudy, by: Actor, file: UploadedFile, title: str
) -> CaseStudyAttachment:
    case_study = _editable(case_study, by)
    _accepted(validate_pdf, file, "file")
    name_by_content(file, PDF)
    with acting_as(by):
        added = CaseStudyAttachment.objects.create(
            case_study=case_study, file=file, title=title.strip(), size=file.size or 0
        )
        _audit(by, "case_study.attachment_added", case_study, changes={"title": title.strip()})
    return added


@transaction.atomic
def case_study_add_link(*, case_study: CaseStudy, by: Actor, title: str, url: str) -> CaseStudyLink:
    case_study = _editable(case_study, by)
    with acting_as(by):
        added = CaseStudyLink.objects.create(
            case_study=case_study, title=title.strip(), url=url, order=case_study.links.count()
        )
        _audit(by, "case_study.link_added", case_study, changes={"url": url})
    return added


MEDIA = {"image": "images", "attachment": "attachments", "link": "links"}


@transaction.atomic
def case_study_remove_media(*, case_study: CaseStudy, by: Actor, kind: str, pk: int) -> None:
    case_study = _editable(case_study, by)
    if kind not in MEDIA:
        raise KnowledgeError(_("There is nothing of that kind to remove."))
    item = getattr(case_study, MEDIA[kind]).filter(pk=pk).first()
    if item is None:
        raise KnowledgeError(_("That has already been removed."))
    stored = getattr(item, "image", None) or getattr(item, "file", None)
    with acting_as(by):
        item.delete()
        _audit(by, f"case_study.{kind}_removed", case_study)
    if stored:
        name, storage = stored.name, stored.storage
        transaction.on_commit(lambda: storage.delete(name))
