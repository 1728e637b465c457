"""Case studies: written by a member's officers, reviewed and published by the network."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.members.models import Organisation

from ..errors import KnowledgeError
from ..models import (
    CaseStudy,
    CaseStudyAttachment,
    CaseStudyDecision,
    CaseStudyImage,
    CaseStudyLink,
    CaseStudySlug,
)
from ..richtext import missing_alt, sanitise
from .search import refresh_search

FIELDS = ("title", "summary", "year", "status", "contact_name", "contact_role", "contact_email")
LINKS = ("participants", "principles", "themes", "actions")
Step = CaseStudyDecision.Step


def _require(user: User | None, perm: str, obj: Any = None) -> None:
    """Checked again here for every write; commands and imports run as the operator (None)."""
    if user is not None and not user.has_perm(perm, obj):
        raise KnowledgeError(_("You do not have permission to do that."))


def _locked(case_study: CaseStudy) -> CaseStudy:
    return CaseStudy.objects.select_for_update().get(pk=case_study.pk)


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A free address for this title: current and former addresses both count as taken."""
    base = slugify(title)[:180] or "case-study"
    slug, n = base, 1
    others = CaseStudy.objects.all()
    former = CaseStudySlug.objects.all()
    if exclude_pk is not None:
        others, former = others.exclude(pk=exclude_pk), former.exclude(case_study_id=exclude_pk)
    while others.filter(slug=slug).exists() or former.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _apply_body(case_study: CaseStudy, raw: str) -> None:
    text = sanitise(raw)
    if missing_alt(text.html):
        raise KnowledgeError(_('Every image in the story needs alt text (alt="...").'))
    case_study.body_html, case_study.body_text = text.html, text.text


CONTACT = ("contact_name", "contact_role", "contact_email", "contact_consent")


def contact_problems(data: dict[str, Any]) -> dict[str, str]:
    """Why the contact details cannot be kept, by field: a named contact needs recorded consent,
    and consent needs a name. Forms, the importer and the services all ask this."""
    named = any(data.get(f) for f in ("contact_name", "contact_role", "contact_email"))
    consent = bool(data.get("contact_consent"))
    if named and not consent:
        return {
            "contact_consent": _(
                "Confirm that the contact agrees to be named, or leave the contact details empty."
            )
        }
    if consent and not data.get("contact_name"):
        return {"contact_name": _("Give the contact's name, or untick the consent.")}
    return {}


def _apply_contact(case_study: CaseStudy, data: dict[str, Any], by: User | None) -> None:
    if not any(key in data for key in CONTACT):
        return  # not being changed
    problems = contact_problems(data)
    if problems:
        raise KnowledgeError(next(iter(problems.values())))
    consent = bool(data.get("contact_consent"))
    if consent and not case_study.contact_consent:
        case_study.contact_consent_at = timezone.now()
        case_study.contact_consent_by = by
    if not consent:
        case_study.contact_consent_at = None
        case_study.contact_consent_by = None
    case_study.contact_consent = consent


def _set_links(case_study: CaseStudy, data: dict[str, Any]) -> None:
    for name in LINKS:
        if name in data:
            getattr(case_study, name).set(data[name])


def _check_lead(lead: Organisation, by: User | None) -> None:
    from coopnet.members.permissions import manages_organisation

    if by is not None and not by.is_network_admin and not manages_organisation(by, lead):
        raise KnowledgeError(
            _("You can only write case studies for an organisation whose profile you manage.")
        )


@transaction.atomic
def case_study_create(*, by: User | None, data: dict[str, Any]) -> CaseStudy:
    """A new draft, led by an organisation the author manages."""
    _require(by, "knowledge.write_case_study")
    lead: Organisation = data["lead_organisation"]
    _check_lead(lead, by)
    case_study = CaseStudy(lead_organisation=lead, created_by=by, state=CaseStudy.State.DRAFT)
    for name in FIELDS:
        setattr(case_study, name, data.get(name, getattr(case_study, name)))
    case_study.slug = data.get("slug") or unique_slug(case_study.title)
    _apply_body(case_study, data.get("body", ""))
    _apply_contact(case_study, data, by)
    if by is not None:
        case_study._history_user = by  # type: ignore[attr-defined]
    case_study.save()
    _set_links(case_study, data)
    return case_study


def _move_slug(case_study: CaseStudy, new_slug: str) -> None:
    """Keep the old address so links to it still arrive (it redirects)."""
    if new_slug == case_study.slug:
        return
    taken = (
        CaseStudy.objects.filter(slug=new_slug).exclude(pk=case_study.pk).exists()
        or CaseStudySlug.objects.filter(slug=new_slug).exclude(case_study=case_study).exists()
    )
    if taken:
        raise KnowledgeError(
            _("Another case study already uses the address “%(slug)s”.") % {"slug": new_slug}
        )
    CaseStudySlug.objects.filter(slug=new_slug, case_study=case_study).delete()
    CaseStudySlug.objects.get_or_create(slug=case_study.slug, case_study=case_study)
    case_study.slug = new_slug


@transaction.atomic
def case_study_update(*, case_study: CaseStudy, by: User | None, data: dict[str, Any]) -> CaseStudy:
    """Change a case study. Officers may change it only while it is a draft or returned; its
    address stays when the title changes (staff may give it a new one; the old one redirects)."""
    case_study = _locked(case_study)
    _require(by, "knowledge.change_case_study", case_study)
    if "lead_organisation" in data and data["lead_organisation"] != case_study.lead_organisation:
        _check_lead(data["lead_organisation"], by)
        case_study.lead_organisation = data["lead_organisation"]
    old_title = case_study.title
    for name in FIELDS:
        if name in data:
            setattr(case_study, name, data[name])
    if data.get("slug"):
        _move_slug(case_study, data["slug"])
    elif case_study.title != old_title and case_study.published_at is None:
        # Never public: the address still follows the title.
        _move_slug(case_study, unique_slug(case_study.title, exclude_pk=case_study.pk))
    if "body" in data:
        _apply_body(case_study, data["body"])
    _apply_contact(case_study, data, by)
    if by is not None:
        case_study._history_user = by  # type: ignore[attr-defined]
    case_study.save()
    _set_links(case_study, data)
    refresh_search(case_study)
    return case_study


def _decide(case_study: CaseStudy, step: str, by: User | None, comment: str = "") -> None:
    CaseStudyDecision.objects.create(case_study=case_study, step=step, by=by, comment=comment)
    if by is not None:
        case_study._history_user = by  # type: ignore[attr-defined]
    case_study.save()


@transaction.atomic
def case_study_submit(*, case_study: CaseStudy, by: User | None) -> CaseStudy:
    """Send a draft (or a returned case study) to the network for review."""
    case_study = _locked(case_study)
    _require(by, "knowledge.submit_case_study", case_study)
    if case_study.state not in (CaseStudy.State.DRAFT, CaseStudy.State.RETURNED):
        raise KnowledgeError(_("Only a draft or a returned case study can be submitted."))
    missing = []
    if not case_study.body_text.strip():
        missing.append(_("the story"))
    if not case_study.principles.exists():
        missing.append(_("at least one principle"))
    if missing:
        raise KnowledgeError(
            _("Add %(missing)s before submitting.") % {"missing": _(" and ").join(missing)}
        )
    case_study.state = CaseStudy.State.SUBMITTED
    case_study.submitted_at = timezone.now()
    _decide(case_study, Step.SUBMITTED, by)
    return case_study


@transaction.atomic
def case_study_publish(*, case_study: CaseStudy, by: User | None, comment: str = "") -> CaseStudy:
    """Staff publish a submitted case study; its address is then public and stays."""
    case_study = _locked(case_study)
    _require(by, "knowledge.moderate_case_studies")
    if case_study.state != CaseStudy.State.SUBMITTED:
        raise KnowledgeError(_("Only a submitted case study can be published."))
    case_study.state = CaseStudy.State.PUBLISHED
    case_study.published_at = case_study.published_at or timezone.now()
    case_study.moderation_comment = ""
    _decide(case_study, Step.PUBLISHED, by, comment)
    refresh_search(case_study)
    return case_study


def _send_back(
    case_study: CaseStudy,
    by: User | None,
    comment: str,
    *,
    step: str,
    wrong_state: str,
    no_comment: str,
) -> CaseStudy:
    """Return a case study to its member with comments (staff only); the step is recorded."""
    case_study = _locked(case_study)
    _require(by, "knowledge.moderate_case_studies")
    expected = CaseStudy.State.PUBLISHED if step == Step.UNPUBLISHED else CaseStudy.State.SUBMITTED
    if case_study.state != expected:
        raise KnowledgeError(wrong_state)
    if not comment.strip():
        raise KnowledgeError(no_comment)
    case_study.state = CaseStudy.State.RETURNED
    case_study.moderation_comment = comment.strip()
    _decide(case_study, step, by, comment.strip())
    refresh_search(case_study)
    return case_study


@transaction.atomic
def case_study_return(*, case_study: CaseStudy, by: User | None, comment: str) -> CaseStudy:
    """Staff send a submitted case study back to its member, saying what to change."""
    return _send_back(
        case_study,
        by,
        comment,
        step=Step.RETURNED,
        wrong_state=_("Only a submitted case study can be returned."),
        no_comment=_("Say what needs to change before returning the case study."),
    )


@transaction.atomic
def case_study_unpublish(*, case_study: CaseStudy, by: User | None, comment: str) -> CaseStudy:
    """Staff take a published case study down and return it to its member with comments."""
    return _send_back(
        case_study,
        by,
        comment,
        step=Step.UNPUBLISHED,
        wrong_state=_("Only a published case study can be unpublished."),
        no_comment=_("Say why the case study is being unpublished."),
    )


def _editable(case_study: CaseStudy, by: User | None) -> CaseStudy:
    case_study = _locked(case_study)
    _require(by, "knowledge.change_case_study", case_study)
    return case_study


@transaction.atomic
def case_study_add_image(
    *, case_study: CaseStudy, by: User | None, image: UploadedFile, alt_text: str, caption: str = ""
) -> CaseStudyImage:
    case_study = _editable(case_study, by)
    if not alt_text.strip():
        raise KnowledgeError(_("Describe the image for someone who cannot see it."))
    order = case_study.images.count()
    return CaseStudyImage.objects.create(
        case_study=case_study, image=image, alt_text=alt_text.strip(), caption=caption, order=order
    )


@transaction.atomic
def case_study_add_attachment(
    *, case_study: CaseStudy, by: User | None, file: UploadedFile, title: str
) -> CaseStudyAttachment:
    case_study = _editable(case_study, by)
    return CaseStudyAttachment.objects.create(
        case_study=case_study, file=file, title=title.strip(), size=file.size or 0
    )


@transaction.atomic
def case_study_add_link(
    *, case_study: CaseStudy, by: User | None, title: str, url: str
) -> CaseStudyLink:
    case_study = _editable(case_study, by)
    return CaseStudyLink.objects.create(
        case_study=case_study, title=title.strip(), url=url, order=case_study.links.count()
    )


MEDIA = {"image": "images", "attachment": "attachments", "link": "links"}


@transaction.atomic
def case_study_remove_media(*, case_study: CaseStudy, by: User | None, kind: str, pk: int) -> None:
    case_study = _editable(case_study, by)
    if kind not in MEDIA:
        raise KnowledgeError(_("There is nothing of that kind to remove."))
    item = getattr(case_study, MEDIA[kind]).filter(pk=pk).first()
    if item is None:
        raise KnowledgeError(_("That has already been removed."))
    stored = getattr(item, "image", None) or getattr(item, "file", None)
    item.delete()
    if stored:
        name, storage = stored.name, stored.storage
        transaction.on_commit(lambda: storage.delete(name))
