"""Invitations: staff invite a person at an organisation; the person sets a password to accept.

Accepting creates the user (accounts) and the person and role (the registry), so this lives in
members, the floor that may import accounts."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.models import Invitation, User
from coopnet.accounts.roles import STAFF_ROLES, UserRole
from coopnet.accounts.tasks import send_invitation_email
from coopnet.core.actors import Actor, System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.errors import DomainError
from coopnet.core.guard import require
from coopnet.core.mail import active_site_language
from coopnet.core.slugs import unique_slug

from ..models import Organisation, Person, Role, RoleKind

ORGANISATION_ROLES = {UserRole.MEMBER_OFFICER, UserRole.AFFILIATE_CONTACT}


class InvitationError(DomainError):
    """The invitation cannot be sent or accepted; the message is for the user."""


@transaction.atomic
def invitation_create(
    *, email: str, full_name: str, role: str, organisation: Organisation | None, by: Actor
) -> Invitation:
    require(by, "accounts.invite_people", message=_("You do not have permission to invite people."))
    email = email.strip().lower()
    if role in ORGANISATION_ROLES and organisation is None:
        raise InvitationError(_("Choose the organisation this person will look after."))
    if User.objects.filter(email__iexact=email).exists():
        raise InvitationError(_("Someone with that email address already has an account."))
    if Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise InvitationError(_("An invitation to that email address is already waiting."))
    with acting_as(by):
        invitation = Invitation.objects.create(
            email=email,
            full_name=full_name.strip(),
            role=role,
            organisation=organisation,
            invited_by=by if isinstance(by, User) else None,
        )
    audit_record(
        by=by,
        action="invitation.sent",
        target=invitation,
        about=[organisation],
        summary=_("%(name)s invited as %(role)s")
        % {"name": invitation.full_name, "role": invitation.get_role_display()},
    )
    transaction.on_commit(lambda: send_invitation_email.enqueue(invitation_id=invitation.pk))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    invitation = Invitation.objects.select_for_update(of=("self",)).get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used. Sign in instead."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(_("This invitation has expired. Ask the network to send a new one."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(_("Someone with that email address already has an account."))
    with acting_as(System("invitation_accept")):
        user, person = _make_user_and_person(invitation, password)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    audit_record(
        by=user,
        action="invitation.accepted",
        target=invitation,
        about=[person, invitation.organisation],
        summary=_("%(name)s accepted an invitation") % {"name": invitation.full_name},
    )
    return user


def _make_user_and_person(invitation: Invitation, password: str) -> tuple[User, Person]:
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=invitation.full_name,
        is_staff=invitation.role in STAFF_ROLES,
        # Their emails follow the language they accepted in until they choose otherwise.
        language=active_site_language(),
    )
    user.groups.add(Group.objects.get(name=invitation.role))
    # The link reached this address, so the address is proven.
    EmailAddress.objects.create(user=user, email=invitation.email, primary=True, verified=True)
    person = Person.objects.filter(email__iexact=invitation.email, user__isnull=True).first()
    if person is None:
        person = Person.objects.create(
            full_name=invitation.full_name,
            slug=unique_slug(Person, invitation.full_name),
            email=invitation.email,
        )
    person.user = user
    person.save(update_fields=["user"])
    if invitation.organisation is not None:
        _contact_role(person, invitation)
    return user, person


def _contact_role(person: Person, invitation: Invitation) -> Role:
    """The person's one open Contact role at the invitation's organisation: the one an approved
    application already recorded, or a new one (one role per person, organisation and kind)."""
    manages = invitation.role in ORGANISATION_ROLES
    organisation = invitation.organisation
    assert organisation is not None
    role = (
        Role.objects.select_for_update(of=("self",))
        .filter(
            person=person,
            organisation=organisation,
            kind=RoleKind.CONTACT,
            end__isnull=True,
        )
        .first()
    )
    if role is None:
        return Role.objects.create(
            person=person,
            organisation=organisation,
            kind=RoleKind.CONTACT,
            start=timezone.localdate(),
            manages_profile=manages,
        )
    if manages and not role.manages_profile:
        role.manages_profile = True
        role.save(update_fields=["manages_profile"])
    return role
