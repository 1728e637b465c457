"""Writes for applications to join. Each validates, writes in one transaction and records history.

Applicants have no account: the functions they reach take the application (found by its token)
and no user. Staff decisions take `by` and check the registry permission again here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Self

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.models import Invitation, User
from coopnet.accounts.roles import UserRole
from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.errors import DomainError
from coopnet.core.guard import require
from coopnet.core.hooks import MEMBERSHIP_APPROVED, run_hooks
from coopnet.core.models import Principle
from coopnet.core.slugs import unique_slug

from ..errors import MembersError
from ..invitations.services import invitation_create
from ..models import (
    OPEN_STATUSES,
    Application,
    ApplicationAssessment,
    ApplicationMessage,
    Membership,
    MembershipCategory,
    Organisation,
    OrganisationKind,
    Person,
    Rating,
    Role,
    RoleKind,
)
from ..services import membership_start
from . import selectors, tasks
from .framework import framework

ORGANISATION_FIELDS = (
    "local_authority",
    "area_authority",
    "organisation_name",
    "website",
    "address",
    "registered_id",
    "description",
)
CONTACT_FIELDS = (
    "invoice_name",
    "invoice_email",
    "invoice_phone",
    "purchase_order",
    "voting_name",
    "voting_email",
    "voting_job_title",
)
APPLICANT_FIELDS = ("applicant_name", "applicant_email", "applicant_job_title", "applicant_phone")


class _Unset:
    """An answer the form did not ask for: the application keeps what it has."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True, kw_only=True)
class _Answers:
    """One step's answers; a field left UNSET was not asked and is not changed."""

    @classmethod
    def from_form(cls, cleaned: dict[str, Any]) -> Self:
        return cls(**{f.name: cleaned[f.name] for f in fields(cls) if f.name in cleaned})

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) is not UNSET
        }


@dataclass(frozen=True, kw_only=True)
class ApplicantAnswers(_Answers):
    applicant_name: str = UNSET
    applicant_email: str = UNSET
    applicant_job_title: str = UNSET
    applicant_phone: str = UNSET


@dataclass(frozen=True, kw_only=True)
class OrganisationAnswers(_Answers):
    local_authority: Any = UNSET
    area_authority: Any = UNSET
    organisation_name: str = UNSET
    website: str = UNSET
    address: str = UNSET
    registered_id: str = UNSET
    description: str = UNSET
    category: MembershipCategory | None = UNSET


@dataclass(frozen=True, kw_only=True)
class ContactAnswers(_Answers):
    invoice_name: str = UNSET
    invoice_email: str = UNSET
    invoice_phone: str = UNSET
    purchase_order: str = UNSET
    voting_name: str = UNSET
    voting_email: str = UNSET
    voting_job_title: str = UNSET


def _email(application: Application, message: str) -> None:
    """Queue one of the applicant's emails (tasks.APPLICATION_MESSAGES) once this commits."""
    pk = application.pk
    transaction.on_commit(
        lambda: tasks.send_application_email.enqueue(application_id=pk, message=message)
    )


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update(of=("self",)).get(pk=application.pk)


def _editable(application: Application) -> Application:
    application = _locked(application)
    if not application.is_editable:
        raise MembersError(_("This application has been sent and can no longer be changed."))
    return application


def _assign(application: Application, data: dict[str, Any], fields: tuple[str, ...]) -> None:
    """Copy the given answers onto the application: text trimmed, email addresses lower-case."""
    for f in fields:
        if f not in data:
            continue
        value = data[f]
        if value is None and f not in ("local_authority", "area_authority"):
            value = ""
        if isinstance(value, str):
            value = value.strip().lower() if f.endswith("email") else value.strip()
        setattr(application, f, value)


def _require_staff(by: Actor) -> None:
    require(by, "members.manage_registry")


# --- the applicant ------------------------------------------------------------------------------


@transaction.atomic
def application_start(*, applicant_type: str, applicant: ApplicantAnswers) -> Application:
    """Open a draft and email its link, so the applicant can come back to it later."""
    application = Application(applicant_type=applicant_type)
    data = applicant.given()
    _assign(application, {f: data.get(f) or "" for f in APPLICANT_FIELDS}, APPLICANT_FIELDS)
    offered = selectors.categories_offered(application)
    application.category = offered[0] if len(offered) == 1 else None
    application.save()
    _email(application, "link")
    return application


@transaction.atomic
def application_update_applicant(
    *, application: Application, applicant: ApplicantAnswers
) -> Application:
    application = _editable(application)
    _assign(application, applicant.given(), APPLICANT_FIELDS)
    application.save()
    return application


@transaction.atomic
def application_set_organisation(
    *, application: Application, organisation: OrganisationAnswers
) -> Application:
    """Record the organisation (and the category, where the applicant had a choice)."""
    application = _editable(application)
    data = organisation.given()
    _assign(application, data, ORGANISATION_FIELDS)
    category: MembershipCategory | None = data.get("category")
    offered = selectors.categories_offered(application)
    if category is None and len(offered) == 1:
        category = offered[0]
    if category is None or category not in offered:
        raise MembersError(_("Choose a membership category this organisation may hold."))
    application.category = category
    application.organisation_key = selectors.organisation_key(application)
    refusal = selectors.why_organisation_cannot_apply(application)
    if refusal:
        raise MembersError(refusal)
    application.save()
    return application


@transaction.atomic
def application_set_contacts(*, application: Application, contacts: ContactAnswers) -> Application:
    application = _editable(application)
    _assign(application, contacts.given(), CONTACT_FIELDS)
    application.save()
    return application


@transaction.atomic
def application_assess(
    *, application: Application, principle: Principle, rating: int, statement: str
) -> ApplicationAssessment:
    """Record the applicant's rating of itself against a principle: on the current framework's
    scale for that principle when learning provides one (`joining.framework`), else on ours."""
    application = _editable(application)
    if principle.family != Principle.Family.NETWORK:
        raise MembersError(_("Assess the application against the network's principles."))
    if not statement.strip():
        raise MembersError(_("Write a short statement for this principle."))
    current = framework()
    criterion = current.criterion_for(principle.pk) if current is not None else None
    scores = [lv.score for lv in criterion.levels] if criterion else list(Rating.values)
    if rating not in scores:
        raise MembersError(_("Choose one of the levels of the scale."), field="rating")
    assessment, _created = ApplicationAssessment.objects.update_or_create(
        application=application,
        principle=principle,
        defaults={
            "rating": rating,
            "statement": statement.strip(),
            "framework_version": current.version if current is not None and criterion else None,
        },
    )
    return assessment


@transaction.atomic
def application_submit(*, application: Application) -> Application:
    """Send a complete draft to the network's staff and confirm it to the applicant by email."""
    application = _editable(application)
    missing = selectors.missing_sections(application)
    if missing:
        raise MembersError(
            _("Complete every section before you send the application: %(sections)s.")
            % {"sections": ", ".join(str(s) for s in missing)}
        )
    application.organisation_key = selectors.organisation_key(application)
    refusal = selectors.why_organisation_cannot_apply(application)
    if refusal:
        raise MembersError(refusal)
    application.status = Application.Status.SUBMITTED
    application.submitted_at = timezone.now()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:  # a second submission for the same organisation won the race
        raise MembersError(selectors.OPEN_APPLICATION_MESSAGE) from exc
    _email(application, "received")
    return application


@transaction.atomic
def application_answer(*, application: Application, text: str) -> ApplicationMessage:
    """The applicant answers the network's question; the application goes back to the queue."""
    application = _locked(application)
    if application.status != Application.Status.MORE_INFORMATION:
        raise MembersError(_("The network has not asked for more information."))
    if not text.strip():
        raise MembersError(_("Write your answer."))
    message = ApplicationMessage.objects.create(
        application=application, author=ApplicationMessage.Author.APPLICANT, text=text.strip()
    )
    application.status = Application.Status.SUBMITTED
    application.save(update_fields=["status", "updated_at"])
    return message


def application_resend_links(*, email: str) -> int:
    """Email the links of every application in progress for this address; say nothing else."""
    ids = list(
        Application.objects.filter(applicant_email__iexact=email.strip()).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        tasks.send_application_email.enqueue(application_id=pk, message="link")
    return len(ids)


# --- staff --------------------------------------------------------------------------------------


def _open_for_decision(application: Application) -> Application:
    application = _locked(application)
    if application.status not in OPEN_STATUSES:
        raise MembersError(
            _("This application is %(status)s, so it cannot be decided now.")
            % {"status": application.get_status_display().lower()}
        )
    return application


@transaction.atomic
def application_ask(*, application: Application, by: Actor, question: str) -> ApplicationMessage:
    _require_staff(by)
    application = _open_for_decision(application)
    if not question.strip():
        raise MembersError(_("Write the question for the applicant."))
    message = ApplicationMessage.objects.create(
        application=application,
        author=ApplicationMessage.Author.STAFF,
        sent_by=user_of(by),
        text=question.strip(),
    )
    application.status = Application.Status.MORE_INFORMATION
    application.save(update_fields=["status", "updated_at"])
    audit_record(
        by=by,
        action="application.question_asked",
        target=application,
        about=[application.organisation],
        summary=_("More information asked of %(name)s") % {"name": application.display_name},
    )
    _email(application, "question")
    return message


@transaction.atomic
def application_decline(*, application: Application, by: Actor, reason: str) -> Application:
    _require_staff(by)
    application = _open_for_decision(application)
    if not reason.strip():
        raise MembersError(_("Give the reason for declining; the applicant is sent it."))
    application.status = Application.Status.DECLINED
    application.decided_on = timezone.localdate()
    application.decided_by = user_of(by)
    application.decision_reason = reason.strip()
    with acting_as(by):
        application.save()
    audit_record(
        by=by,
        action="application.declined",
        target=application,
        about=[application.organisation],
        summary=_("Application from %(name)s declined") % {"name": application.display_name},
        reason=application.decision_reason,
    )
    _email(application, "declined")
    return application


@dataclass(frozen=True)
class Approval:
    """An approved application and what the approval did, in words, for the person approving:
    whether an invoice was raised and emailed (from the apps above, `run_hooks`) and where the
    welcome email went."""

    application: Application
    notes: list[str]


def application_approve(*, application: Application, by: Actor, on: date) -> Application:
    """Admit the applicant: organisation, membership from `on`, contacts, invitations, invoice.

    The application's row is locked first, so two staff approving at once make one membership
    and one invoice: the second waits, then finds the application decided and is refused.
    """
    return application_approve_reporting(application=application, by=by, on=on).application


@transaction.atomic
def application_approve_reporting(*, application: Application, by: Actor, on: date) -> Approval:
    """`application_approve`, with what the approval did."""
    _require_staff(by)
    with acting_as(by):
        return _approve(application=application, by=by, on=on)


def _approve(*, application: Application, by: Actor, on: date) -> Approval:
    application = _open_for_decision(application)
    if on > timezone.localdate():
        raise MembersError(_("The decision date cannot be in the future."))
    category = application.category
    assert category is not None
    holder: Organisation | Person
    if application.is_individual:
        holder = _supporter_person(application)
    else:
        holder = _find_or_create_organisation(application)
        application.organisation = holder
    membership = membership_start(
        holder=holder,
        category=category,
        start=on,
        by=by,
        source=_("Application to join, approved on %(date)s") % {"date": on.isoformat()},
    )
    if isinstance(holder, Organisation):
        _record_contacts(application, holder, on)
    _invite_contacts(application, holder, by)
    notes = _raise_first_invoice(application=application, membership=membership, on=on, by=by)
    application.status = Application.Status.APPROVED
    application.decided_on = on
    application.decided_by = user_of(by)
    application.membership = membership
    application.save()
    audit_record(
        by=by,
        action="application.approved",
        target=application,
        about=[holder, membership],
        summary=_("Application from %(name)s approved from %(date)s")
        % {"name": application.display_name, "date": on.isoformat()},
    )
    _email(application, "welcome")
    notes.append(
        _("The welcome email, with the welcome pack, is being sent to %(email)s.")
        % {"email": application.applicant_email}
    )
    return Approval(application, notes)


def _raise_first_invoice(
    *, application: Application, membership: Membership, on: date, by: Actor
) -> list[str]:
    """The apps above the registry act on the approval in this transaction: finance raises the
    first invoice (and records the purchase-order reference first). It registers itself on
    `MEMBERSHIP_APPROVED` (`coopnet.core.hooks`); a refusal there refuses the approval."""
    try:
        done = run_hooks(
            MEMBERSHIP_APPROVED, application=application, membership=membership, on=on, by=by
        )
        return [str(note) for note in done]
    except DomainError as exc:  # e.g. the Accountable Body's details are not set up yet
        raise MembersError(
            _("The first invoice cannot be raised, so the application is not approved: %(why)s")
            % {"why": exc}
        ) from exc


def _find_or_create_organisation(application: Application) -> Organisation:
    la = application.local_authority
    if la is not None:
        existing = Organisation.objects.filter(local_authority=la).first()
        if existing is not None:
            return existing
    elif application.organisation is not None:
        return application.organisation
    kind = application.organisation_kind
    assert kind is not None
    name = la.official_name if la is not None else application.organisation_name
    return Organisation.objects.create(
        name=name,
        slug=unique_slug(Organisation, la.code.lower() if la else slugify(name)),
        kind=kind,
        local_authority=la,
        area_authority=application.area_authority if la is None else None,
        website=application.website,
        address=application.address,
        registered_id=application.registered_id,
        description=application.description,
    )


def _supporter_person(application: Application) -> Person:
    person = Person.objects.filter(email__iexact=application.applicant_email).first()
    if person is None:
        person = Person.objects.create(
            full_name=application.applicant_name,
            slug=unique_slug(Person, application.applicant_name),
            email=application.applicant_email,
            phone=application.applicant_phone,
            consent_to_contact=True,
            consent_recorded_at=timezone.now(),
        )
    return person


def _contacts(application: Application) -> list[tuple[str, str, str, str]]:
    """(email, name, role kind, job title) for the applicant, invoice and voting contacts."""
    rows = [
        (
            application.applicant_email,
            application.applicant_name,
            RoleKind.CONTACT,
            application.applicant_job_title,
        ),
        (application.invoice_email, application.invoice_name, RoleKind.INVOICE_CONTACT, ""),
        (
            application.voting_email,
            application.voting_name,
            RoleKind.VOTING_CONTACT,
            application.voting_job_title,
        ),
    ]
    return [row for row in rows if row[0]]


def _record_contacts(application: Application, organisation: Organisation, on: date) -> None:
    for email, name, kind, title in _contacts(application):
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            person = Person.objects.create(
                full_name=name,
                slug=unique_slug(Person, name),
                email=email,
                consent_to_contact=True,
                consent_recorded_at=timezone.now(),
            )
        Role.objects.get_or_create(
            person=person,
            organisation=organisation,
            kind=kind,
            end=None,
            defaults={"title": title, "start": on},
        )


def _access_role(application: Application) -> str:
    if application.is_individual:
        return UserRole.SUPPORTER
    if application.organisation_kind in (
        OrganisationKind.AFFILIATE_ORGANISATION,
        OrganisationKind.SUPPORTER_ORGANISATION,
    ):
        return UserRole.AFFILIATE_CONTACT
    return UserRole.MEMBER_OFFICER


def _invite_contacts(application: Application, holder: Organisation | Person, by: Actor) -> None:
    """Invite each contact who has neither an account nor a waiting invitation."""
    organisation = holder if isinstance(holder, Organisation) else None
    seen: set[str] = set()
    for email, name, _kind, _title in _contacts(application):
        if email in seen:
            continue
        seen.add(email)
        has_account = User.objects.filter(email__iexact=email).exists()
        waiting = Invitation.objects.filter(
            email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).exists()
        if not (has_account or waiting):
            invitation_create(
                email=email,
                full_name=name,
                role=_access_role(application),
                organisation=organisation,
                by=by,
            )
