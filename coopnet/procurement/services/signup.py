"""A supplier not yet in the registry applies without an account: the organisation, its
application and an invitation for its contact are made together, or not at all. The contact
confirms the email address by accepting the invitation (setting a password), and then follows
the application like any supplier."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.models import Invitation as AccountInvitation
from coopnet.accounts.models import User
from coopnet.accounts.roles import UserRole
from coopnet.core.actors import System, acting_as
from coopnet.core.slugs import unique_slug
from coopnet.members.invitations.services import invitation_create
from coopnet.members.models import Organisation, OrganisationKind

from ..errors import ProcurementError
from ..models import Arrangement, Category, SupplierApplication
from .applications import check_application, clean_companies_house_number, record_application

SIGN_UP = System("supplier_sign_up")


@dataclass(frozen=True)
class NewSupplier:
    name: str
    companies_house_number: str
    website: str
    contact_name: str
    contact_email: str
    contact_job_title: str = ""


def _check_new_supplier(supplier: NewSupplier) -> tuple[str, str, str]:
    name = " ".join(supplier.name.split())
    email = supplier.contact_email.strip().lower()
    contact = " ".join(supplier.contact_name.split())
    if not name:
        raise ProcurementError(_("Enter the organisation's name."), field="name")
    if not contact:
        raise ProcurementError(_("Enter the contact's full name."), field="contact_name")
    if not email:
        raise ProcurementError(_("Enter the contact's email address."), field="contact_email")
    number = clean_companies_house_number(supplier.companies_house_number)
    by_name = Organisation.objects.filter(name__iexact=name).first()
    by_number = (
        Organisation.objects.filter(registered_id__iexact=number).first() if number else None
    )
    existing = by_name or by_number
    if existing is not None:
        raise ProcurementError(
            _(
                "%(name)s is already in the registry. Sign in as someone who manages it and "
                "apply from the arrangement's page, or ask the network to add you."
            )
            % {"name": existing.name},
            field="name" if by_name else "companies_house_number",
        )
    if User.objects.filter(email__iexact=email).exists():
        raise ProcurementError(
            _("An account already uses that email address. Sign in and apply from there."),
            field="contact_email",
        )
    if AccountInvitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise ProcurementError(
            _(
                "An invitation to that email address is already waiting. Accept it (see your "
                "email), then apply from the arrangement's page."
            ),
            field="contact_email",
        )
    return name, email, contact


@transaction.atomic
def supplier_sign_up(
    *,
    arrangement: Arrangement,
    supplier: NewSupplier,
    categories: Sequence[Category],
    answers: Mapping[int, Mapping[str, str]],
    declarations: Mapping[str, bool],
    on: date | None = None,
) -> SupplierApplication:
    """Add the supplier to the registry, record its application, invite its contact."""
    day = on or timezone.localdate()
    name, email, contact = _check_new_supplier(supplier)
    check_application(
        arrangement=arrangement,
        organisation=None,
        categories=categories,
        answers=answers,
        declarations=declarations,
        companies_house_number=supplier.companies_house_number,
        on=day,
    )
    number = clean_companies_house_number(supplier.companies_house_number)
    with acting_as(SIGN_UP):
        organisation = Organisation.objects.create(
            name=name,
            slug=unique_slug(Organisation, name),
            kind=OrganisationKind.SUPPLIER,
            registered_id=number,
            website=supplier.website.strip(),
            is_public=False,
        )
        application = record_application(
            arrangement=arrangement,
            organisation=organisation,
            categories=categories,
            answers=answers,
            declarations=declarations,
            companies_house_number=number,
            by=SIGN_UP,
            on=day,
            contact_email=email,
        )
        invitation_create(
            email=email,
            full_name=contact,
            role=UserRole.AFFILIATE_CONTACT,
            organisation=organisation,
            by=SIGN_UP,
        )
    return application
