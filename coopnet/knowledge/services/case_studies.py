"""Case studies: written by a member's officers, reviewed and published by the network."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.slugs import unique_slug
from coopnet.members.models import Organisation

from ..errors import KnowledgeError
from ..models import (
    CaseStudy,
    CaseStudyDecision,
    CaseStudySlug,
)
from ..richtext import missing_alt, sanitise
from .search import refresh_search

FIELDS = ("title", "summary", "year", "status", "contact_name", "contact_role", "contact_email")
LINKS = ("participants", "principles", "themes", "actions")
CONTACT = ("contact_name", "contact_role", "contact_email", "contact_consent")
Step = CaseStudyDecision.Step


@dataclass(frozen=True)
class CaseStudyDetails:
    """What a person (or an import) says about a case study. `None` leaves a part as it is."""

    title: str | None = None
    summary: str | None = None
    body: str | None = None  # the story, as HTML (made safe before it is kept)
    lead_organisation: Organisation | None = None
    year: int | None = None
    status: str | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    contact_email: str | None = None
    contact_consent: bool | None = None
    slug: str | None = None  # a new address (staff); the old one redirects
    participants: Iterable[Organisation] | None = None
    principles: Iterable[Model] | None = None
    themes: Iterable[Model] | None = None
    actions: Iterable[Model] | None = None

    @classmethod
    def of(cls, values: dict[str, Any]) -> CaseStudyDetails:
        """From a form's cleaned data (or an import row): the names it knows, nothing else."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})

    def given(self, name: str) -> bool:
        return getattr(self, name) is not None


def _locked(case_study: CaseStudy) -> CaseStudy:
    return CaseStudy.objects.select_for_update(of=("self",)).get(pk=case_study.pk)


def free_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A free address for this title: current and former addresses both count as taken."""
    former = CaseStudySlug.objects.all()
    if exclude_pk is not None:
        former = former.exclude(case_study_id=exclude_pk)
    n = 1
    while True:
        text = title if n == 1 else f"{title} {n}"
        slug = unique_slug(
            CaseStudy, text, exclude_pk=exclude_pk, max_length=180, fallback="case-study"
        )
        if not former.filter(slug=slug).exists():
            return slug
        n += 1


def _apply_body(case_study: CaseStudy, raw: str) -> None:
    text = sanitise(raw)
    if missing_alt(text.html):
        raise KnowledgeError(
            _('Every image in the story needs alt text (alt="...").'), field="body"
        )
    case_study.body_html, case_study.body_text = text.html, text.text


def contact_problems(
    *, name: str | None = "", role: str | None = "", email: str | None = "", consent: Any = False
) -> dict[str, str]:
    """Why the contact details cannot be kept, by field: a named contact needs recorded consent,
    and consent needs a name. Forms, the importer and the services all ask this."""
    named = any((name, role, email))
    if named and not consent:
        return {
            "contact_consent": _(
                "Confirm that the contact agrees to be named, or leave the contact details empty."
            )
        }
    if consent and not name:
        return {"contact_name": _("Give the contact's name, or untick the consent.")}
    return {}


def contact_problems_in(cleaned: dict[str, Any]) -> dict[str, str]:
    """`contact_problems` of a form's cleaned data (the case study form's and the importer's)."""
    return contact_problems(
        name=cleaned.get("contact_name"),
        role=cleaned.get("contact_role"),
        email=cleaned.get("contact_email"),
        consent=cleaned.get("contact_consent"),
    )


def _apply_contact(case_study: CaseStudy, details: CaseStudyDetails, by: Actor) -> None:
    if not any(details.given(key) for key in CONTACT):
        return  # not being changed
    consent = bool(
        details.contact_consent if details.given("contact_consent") else case_study.contact_consent
    )
    problems = contact_problems(
        name=case_study.contact_name,
        role=case_study.contact_role,
        email=case_study.contact_email,
        consent=consent,
    )
    if problems:
        field, message = next(iter(problems.items()))
        raise KnowledgeError(message, field=field)
    if consent and not case_study.contact_consent:
        case_study.contact_consent_at = timezone.now()
        case_study.contact_consent_by = user_of(by)
    if not consent:
        case_study.contact_consent_at = None
        case_study.contact_consent_by = None
    case_study.contact_consent = consent


def _set_links(case_study: CaseStudy, details: CaseStudyDetails) -> None:
    for name in LINKS:
        value = getattr(details, name)
        if value is not None:
            getattr(case_study, name).set(value)


def _check_lead(lead: Organisation, by: Actor) -> None:
    require(
        by,
        "knowledge.write_for",
        lead,
        message=_("You can only write case studies for an organisation whose profile you manage."),
    )


def _audit(by: Actor, action: str, case_study: CaseStudy, **kwargs: Any) -> None:
    """Every write to a case study concerns it and its lead member."""
    about = [case_study.lead_organisation, *kwargs.pop("about", ())]
    audit_record(by=by, action=action, target=case_study, about=about, **kwargs)


@transaction.atomic
def case_study_create(*, by: Actor, details: CaseStudyDetails) -> CaseStudy:
    """A new draft, led by an organisation the author manages."""
    require(by, "knowledge.write_case_study")
    lead = details.lead_organisation
    if lead is None:
        raise KnowledgeError(_("Choose the lead member."), field="lead_organisation")
    _check_lead(lead, by)
    case_study = CaseStudy(
        lead_organisation=lead, created_by=user_of(by), state=CaseStudy.State.DRAFT
    )
    for name in FIELDS:
        if details.given(name):
            setattr(case_study, name, getattr(details, name))
    case_study.slug = details.slug or free_slug(case_study.title)
    _apply_body(case_study, details.body or "")
    _apply_contact(case_study, details, by)
    with acting_as(by):
        case_study.save()
        _set_links(case_study, details)
        _audit(by, "case_study.created", case_study)
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
            _("Another case study already uses the address “%(slug)s”.") % {"slug": new_slug},
            field="slug",
        )
    CaseStudySlug.objects.filter(slug=new_slug, case_study=case_study).delete()
    CaseStudySlug.objects.get_or_create(slug=case_study.slug, case_study=case_study)
    case_study.slug = new_slug


@transaction.atomic
def case_study_update(*, case_study: CaseStudy, by: Actor, details: CaseStudyDetails) -> CaseStudy:
    """Change a case study. Officers may change it only while it is a draft or returned; its
    address stays when the title changes (staff may give it a new one; the old one redirects)."""
    case_study = _locked(case_study)
    require(by, "knowledge.change_case_study", case_study)
    with acting_as(by):
        lead = details.lead_organisation
        if lead is not None and lead != case_study.lead_organisation:
            _check_lead(lead, by)
            case_study.lead_organisation = lead
        old_title = case_study.title
        changed = [
            n for n in FIELDS if details.given(n) and getattr(case_study, n) != getattr(details, n)
        ]
        for name in changed:
            setattr(case_study, name, getattr(details, name))
        if details.slug:
            _move_slug(case_study, details.slug)
        elif case_study.title != old_title and case_study.published_at is None:
            # Never public: the address still follows the title.
            _move_slug(case_study, free_slug(case_study.title, exclude_pk=case_study.pk))
        if details.body is not None:
            _apply_body(case_study, details.body)
        _apply_contact(case_study, details, by)
        case_study.save()
        _set_links(case_study, details)
        _audit(by, "case_study.changed", case_study, changes={"fields": changed})
    refresh_search(case_study)
    return case_study


def _decide(case_study: CaseStudy, step: str, by: Actor, comment: str = "") -> None:
    """Record the review step (shown to the author) and the audit entry, and save."""
    with acting_as(by):
        CaseStudyDecision.objects.create(
            case_study=case_study, step=step, by=user_of(by), comment=comment
        )
        case_study.save()
        _audit(by, f"case_study.{step}", case_study, reason=comment)


@transaction.atomic
def case_study_submit(*, case_study: CaseStudy, by: Actor) -> CaseStudy:
    """Send a draft (or a returned case study) to the network for review."""
    case_study = _locked(case_study)
    require(by, "knowledge.submit_case_study", case_study)
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
def case_study_publish(*, case_study: CaseStudy, by: Actor, comment: str = "") -> CaseStudy:
    """Staff publish a submitted case study; its address is then public and stays."""
    case_study = _locked(case_study)
    require(by, "knowledge.moderate_case_studies")
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
    by: Actor,
    comment: str,
    *,
    step: str,
    wrong_state: str,
    no_comment: str,
) -> CaseStudy:
    """Return a case study to its member with comments (staff only); the step is recorded."""
    case_study = _locked(case_study)
    require(by, "knowledge.moderate_case_studies")
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
def case_study_return(*, case_study: CaseStudy, by: Actor, comment: str) -> CaseStudy:
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
def case_study_unpublish(*, case_study: CaseStudy, by: Actor, comment: str) -> CaseStudy:
    """Staff take a published case study down and return it to its member with comments."""
    return _send_back(
        case_study,
        by,
        comment,
        step=Step.UNPUBLISHED,
        wrong_state=_("Only a published case study can be unpublished."),
        no_comment=_("Say why the case study is being unpublished."),
    )
