"""Writes for applications to join. Each validates, writes in one transaction and records history.

Applicants have no account: the functions they reach take the application (found by its token)
and no user. Staff decisions take `by` and check the registry permission again here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.models import Invitation, User
from coopnet.accounts.roles import UserRole
from coopnet.accounts.services import invitation_create
from coopnet.core.models import Principle

from .. import tasks
from ..errors import MembersError
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
    Role,
    RoleKind,
)
from ..services import membership_start, unique_slug
from . import selectors

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


def _email(application: Application, message: str) -> None:
    """Queue one of the applicant's emails (tasks.APPLICATION_MESSAGES) once this commits."""
    pk = application.pk
    transaction.on_commit(
        lambda: tasks.send_application_email.enqueue(application_id=pk, message=message)
    )


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


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


def _require_staff(by: User) -> None:
    if not by.has_perm("members.manage_registry"):
        raise PermissionError(_("You do not have permission to do that."))


# --- the applicant ------------------------------------------------------------------------------


@transaction.atomic
def application_start(*, applicant_type: str, data: dict[str, Any]) -> Application:
    """Open a draft and email its link, so the applicant can come back to it later."""
    application = Application(applicant_type=applicant_type)
    _assign(application, {f: data.get(f) or "" for f in APPLICANT_FIELDS}, APPLICANT_FIELDS)
    offered = selectors.categories_offered(application)
    application.category = offered[0] if len(offered) == 1 else None
    application.save()
    _email(application, "link")
    return application


@transaction.atomic
def application_update_applicant(*, application: Application, data: dict[str, Any]) -> Application:
    application = _editable(application)
    _assign(application, data, APPLICANT_FIELDS)
    application.save()
    return application


@transaction.atomic
def application_set_organisation(*, application: Application, data: dict[str, Any]) -> Application:
    """Record the organisation (and the category, where the applicant had a choice)."""
    application = _editable(application)
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
def application_set_contacts(*, application: Application, data: dict[str, Any]) -> Application:
    application = _editable(application)
    _assign(application, data, CONTACT_FIELDS)
    application.save()
    return application


@transaction.atomic
def application_assess(
    *, application: Application, principle: Principle, rating: int, statement: str
) -> ApplicationAssessment:
    application = _editable(application)
    if principle.family != Principle.Family.NETWORK:
        raise MembersError(_("Assess the application against the network's principles."))
    if not statement.strip():
        raise MembersError(_("Write a short statement for this principle."))
    assessment, _created = ApplicationAssessment.objects.update_or_create(
        application=application,
        principle=principle,
        defaults={"rating": rating, "statement": statement.strip()},
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
def application_ask(*, application: Application, by: User, question: str) -> ApplicationMessage:
    _require_staff(by)
    application = _open_for_decision(application)
    if not question.strip():
        raise MembersError(_("Write the question for the applicant."))
    message = ApplicationMessage.objects.create(
        application=application,
        author=ApplicationMessage.Author.STAFF,
        sent_by=by,
        text=question.strip(),
    )
    application.status = Application.Status.MORE_INFORMATION
    application.save(update_fields=["status", "updated_at"])
    _email(application, "question")
    return message


@transaction.atomic
def application_decline(*, application: Application, by: User, reason: str) -> Application:
    _require_staff(by)
    application = _open_for_decision(application)
    if not reason.strip():
        raise MembersError(_("Give the reason for declining; the applicant is sent it."))
    application.status = Application.Status.DECLINED
    application.decided_on = timezone.localdate()
    application.decided_by = by
    application.decision_reason = reason.strip()
    application.save()
    _email(application, "declined")
    return application


@transaction.atomic
def application_approve(*, application: Application, by: User, on: date) -> Application:
    """Admit the applicant: organisation, membership from `on`, contacts, invitations, invoice.

    The application's row is locked first, so two staff approving at once make one membership
    and one invoice: the second waits, then finds the application decided and is refused.
    """
    _require_staff(by)
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
    _raise_first_invoice(application=application, membership=membership, on=on, by=by)
    application.status = Application.Status.APPROVED
    application.decided_on = on
    application.decided_by = by
    application.membership = membership
    application.save()
    _email(application, "welcome")
    return application


def _raise_first_invoice(
    *, application: Application, membership: Membership, on: date, by: User
) -> None:
    """Finance decides the amount (pro rata or the network's rule); it writes in this transaction.

    The purchase-order reference the applicant gave is recorded first, so the invoice carries it.
    """
    from coopnet.finance.dates import membership_year
    from coopnet.finance.errors import FinanceError
    from coopnet.finance.services import invoice_raise_first, purchase_order_set

    try:
        if application.purchase_order and membership.organisation is not None:
            purchase_order_set(
                organisation=membership.organisation,
                year=membership_year(on),
                reference=application.purchase_order,
                by=by,
            )
        invoice_raise_first(membership=membership, on=on, by=by)
    except FinanceError as exc:  # e.g. the Accountable Body's details are not set up yet
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


def _invite_contacts(application: Application, holder: Organisation | Person, by: User) -> None:
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
