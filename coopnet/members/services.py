"""Writes to the registry. Each validates, writes in one transaction and records history."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require
from coopnet.core.membership_year import year_end_of
from coopnet.core.slugs import unique_slug

from . import tasks
from .errors import MembersError
from .models import Membership, MembershipCategory, Organisation, Person, Role
from .rules_of_membership import period_errors

__all__ = ["unique_slug"]  # re-exported for callers not yet moved to coopnet.core.slugs


@dataclass(frozen=True, kw_only=True)
class OrganisationProfile:
    """What an organisation's officers may change on its profile."""

    description: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""

    @classmethod
    def of(cls, organisation: Organisation) -> OrganisationProfile:
        return cls(**{f.name: getattr(organisation, f.name) for f in fields(cls)})

    @classmethod
    def from_form(cls, cleaned: dict[str, Any]) -> OrganisationProfile:
        return cls(**{f.name: cleaned[f.name] for f in fields(cls) if f.name in cleaned})


PROFILE_FIELDS = tuple(f.name for f in fields(OrganisationProfile))


@dataclass(frozen=True, kw_only=True)
class ContactDetails:
    """A contact at an organisation: the person and the role they hold there."""

    full_name: str
    kind: str
    honorific: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    consent_to_contact: bool = False
    language: str = ""
    is_public: bool = False

    @classmethod
    def of(cls, role: Role) -> ContactDetails:
        person = role.person
        return cls(
            full_name=person.full_name,
            kind=role.kind,
            honorific=person.honorific,
            title=role.title,
            email=person.email,
            phone=person.phone,
            consent_to_contact=person.consent_to_contact,
            language=person.language,
            is_public=person.is_public,
        )

    @classmethod
    def from_form(cls, cleaned: dict[str, Any]) -> ContactDetails:
        return cls(**{f.name: cleaned[f.name] for f in fields(cls) if f.name in cleaned})


def _lock_holder(holder: Organisation | Person) -> None:
    """Serialise writes to one holder's memberships (SELECT ... FOR UPDATE on PostgreSQL)."""
    type(holder).objects.select_for_update(of=("self",)).filter(pk=holder.pk).first()


def _periods(
    holder: Organisation | Person, exclude_pk: int | None = None
) -> list[tuple[date, date | None]]:
    qs = holder.memberships.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return list(qs.values_list("start", "end"))


@transaction.atomic
def membership_start(
    *,
    holder: Organisation | Person,
    category: MembershipCategory,
    start: date,
    end: date | None = None,
    by: Actor,
    source: str = "",
    start_is_approximate: bool = False,
) -> Membership:
    membership = Membership(
        category=category,
        organisation=holder if isinstance(holder, Organisation) else None,
        person=holder if isinstance(holder, Person) else None,
        start=start,
        end=end,
        source=source,
        start_is_approximate=start_is_approximate,
    )
    return membership_save(membership=membership, by=by)


@transaction.atomic
def membership_save(*, membership: Membership, by: Actor) -> Membership:
    """Record a new or edited membership period, if the registry's rules allow it.

    The holder's row is locked first, so two people recording overlapping periods for the same
    organisation at once get one period and one clear refusal.
    """
    require(by, "members.manage_registry")
    holder = membership.holder
    if holder is None:
        raise MembersError(_("A membership belongs to an organisation or to an individual."))
    _lock_holder(holder)
    kind = holder.kind if isinstance(holder, Organisation) else None
    errors = period_errors(
        category=membership.category,
        holder_kind=kind,
        start=membership.start,
        end=membership.end,
        other_periods=_periods(holder, exclude_pk=membership.pk),
    )
    if errors:
        raise MembersError(" ".join(errors))
    created = membership.pk is None
    with acting_as(by):
        membership.save()
    audit_record(
        by=by,
        action="membership.started" if created else "membership.changed",
        target=membership,
        about=[holder],
        summary=(
            _("%(category)s membership of %(holder)s from %(start)s")
            % {"category": membership.category, "holder": holder, "start": membership.start}
        ),
    )
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, end: date, reason: str, by: Actor) -> Membership:
    require(by, "members.manage_registry")
    membership = Membership.objects.select_for_update(of=("self",)).get(pk=membership.pk)
    if membership.end is not None:
        raise MembersError(_("This membership has already ended."))
    if end < membership.start:
        raise MembersError(_("A membership cannot end before it starts."))
    if not reason.strip():
        raise MembersError(_("Give a reason for ending the membership."))
    membership.end = end
    membership.end_reason = reason.strip()
    with acting_as(by):
        membership.save(update_fields=["end", "end_reason"])
    audit_record(
        by=by,
        action="membership.ended",
        target=membership,
        about=[membership.holder],
        summary=_("Membership of %(holder)s ends on %(end)s")
        % {"holder": membership.holder, "end": end},
        reason=membership.end_reason,
    )
    return membership


@transaction.atomic
def membership_change_category(
    *, membership: Membership, category: MembershipCategory, on: date, by: Actor
) -> Membership:
    """End the current membership the day before `on` and start one in the new category."""
    require(by, "members.manage_registry")
    if category.pk == membership.category_id:
        raise MembersError(_("The organisation already holds that category."))
    if on <= membership.start:
        raise MembersError(_("The change must come after the current membership started."))
    ended = membership_end(
        membership=membership,
        end=on - timedelta(days=1),
        reason=_("Moved to %(category)s membership") % {"category": category},
        by=by,
    )
    holder = ended.holder
    assert holder is not None
    return membership_start(holder=holder, category=category, start=on, by=by)


@transaction.atomic
def organisation_update_profile(
    *,
    organisation: Organisation,
    by: Actor,
    profile: OrganisationProfile,
    shown: OrganisationProfile | None = None,
) -> Organisation:
    """Save the profile. With `shown` (the profile as the editor's page showed it) only the
    fields the editor changed are written, and a field someone else changed meanwhile to
    something else is refused rather than overwritten."""
    require(by, "members.edit_organisation", organisation)
    organisation = Organisation.objects.select_for_update(of=("self",)).get(pk=organisation.pk)
    edited = [
        f for f in PROFILE_FIELDS if shown is None or getattr(shown, f) != getattr(profile, f)
    ]
    if shown is not None:
        clashes = [
            str(getattr(Organisation._meta.get_field(f), "verbose_name", f))
            for f in edited
            if getattr(organisation, f) not in (getattr(shown, f), getattr(profile, f))
        ]
        if clashes:
            raise MembersError(
                _(
                    "Someone else changed %(fields)s after you opened this page. Nothing was "
                    "saved: check the profile as it is now and make your change again."
                )
                % {"fields": ", ".join(clashes)}
            )
    changes = {
        f: [getattr(organisation, f), getattr(profile, f)]
        for f in edited
        if getattr(organisation, f) != getattr(profile, f)
    }
    for f, (_old, new) in changes.items():
        setattr(organisation, f, new)
    if changes:
        with acting_as(by):
            organisation.save(update_fields=[*changes, "updated_at"])
        audit_record(
            by=by,
            action="organisation.profile_changed",
            target=organisation,
            summary=_("Profile of %(name)s changed") % {"name": organisation.name},
            changes={f: new for f, (_old, new) in changes.items() if f != "email"},
        )
    return organisation


@transaction.atomic
def contact_add(*, organisation: Organisation, by: Actor, contact: ContactDetails) -> Role:
    require(by, "members.edit_organisation", organisation)
    with acting_as(by):
        person = Person.objects.create(
            honorific=contact.honorific,
            full_name=contact.full_name.strip(),
            slug=unique_slug(Person, contact.full_name),
            email=contact.email,
            phone=contact.phone,
            consent_to_contact=contact.consent_to_contact,
            consent_recorded_at=timezone.now() if contact.consent_to_contact else None,
            language=contact.language,
            is_public=contact.is_public,
        )
        role = Role.objects.create(
            person=person,
            organisation=organisation,
            kind=contact.kind,
            title=contact.title,
            start=timezone.localdate(),
        )
    audit_record(
        by=by,
        action="contact.added",
        target=role,
        about=[organisation, person],
        summary=_("%(name)s added as a contact of %(organisation)s")
        % {"name": person.full_name, "organisation": organisation.name},
    )
    return role


@transaction.atomic
def contact_update(*, role: Role, by: Actor, contact: ContactDetails) -> Role:
    require(by, "members.edit_organisation", role.organisation)
    role = Role.objects.select_for_update(of=("self",)).select_related("person").get(pk=role.pk)
    person = role.person
    for f in ("honorific", "full_name", "email", "phone", "language", "is_public"):
        setattr(person, f, getattr(contact, f))
    if contact.consent_to_contact != person.consent_to_contact:
        person.consent_to_contact = contact.consent_to_contact
        person.consent_recorded_at = timezone.now()
    if (
        contact.kind != role.kind
        and Role.objects.filter(person=person, organisation=role.organisation_id, kind=contact.kind)
        .filter(end__isnull=True)
        .exclude(pk=role.pk)
        .exists()
    ):
        raise MembersError(
            _("%(name)s already holds that role here: a person holds each role once.")
            % {"name": person.full_name}
        )
    role.kind = contact.kind
    role.title = contact.title
    with acting_as(by):
        person.save()
        role.save()
    audit_record(
        by=by,
        action="contact.changed",
        target=role,
        about=[role.organisation, person],
        summary=_("Contact %(name)s at %(organisation)s changed")
        % {"name": person.full_name, "organisation": role.organisation},
    )
    return role


@transaction.atomic
def contact_end(*, role: Role, by: Actor, on: date) -> Role:
    """End a role so that from `on` the person no longer holds it.

    The period rule (`coopnet.core.periods`) counts the end date as a day the role still holds,
    so the end recorded is the day before `on`: a role ended today receives nothing sent today
    (invoices, minutes, notices). A role that began on `on` keeps that one day.
    """
    require(by, "members.edit_organisation", role.organisation)
    role = (
        Role.objects.select_for_update(of=("self",))
        .select_related("person", "organisation")
        .get(pk=role.pk)
    )
    if role.end is not None:
        raise MembersError(_("This role has already ended."))
    if role.start and on < role.start:
        raise MembersError(_("A role cannot end before it starts."))
    role.end = max(on - timedelta(days=1), role.start) if role.start else on - timedelta(days=1)
    with acting_as(by):
        role.save(update_fields=["end"])
    audit_record(
        by=by,
        action="contact.ended",
        target=role,
        about=[role.organisation, role.person],
        summary=_("%(name)s no longer holds the role at %(organisation)s from %(date)s")
        % {"name": role.person.full_name, "organisation": role.organisation, "date": on},
    )
    return role


def leaving_date(notice_on: date) -> date:
    """The day a membership ends when notice is given on `notice_on`: the network's rule.

    The seeds fix no notice period, so the rule is: membership runs to the end of the membership
    year (31 July, `coopnet.core.membership_year`) in which notice is given.
    `COOPNET_LEAVING_NOTICE_DAYS`, when set, replaces it with a notice period of that many days.
    """
    days = getattr(settings, "COOPNET_LEAVING_NOTICE_DAYS", None)
    if days is not None:
        return notice_on + timedelta(days=int(days))
    return year_end_of(notice_on)


@transaction.atomic
def membership_give_notice(
    *, membership: Membership, by: Actor, reason: str, on: date | None = None
) -> Membership:
    """The member (or staff) says it will leave; the membership ends on `leaving_date`.

    The membership keeps its history and the organisation stays in the registry.
    """
    holder = membership.organisation
    if holder is None:
        raise refuse()
    require(by, "members.give_notice", holder)
    membership = Membership.objects.select_for_update(of=("self",)).get(pk=membership.pk)
    on = on or timezone.localdate()
    if membership.notice_given_on is not None:
        raise MembersError(_("Notice has already been given for this membership."))
    if membership.end is not None and membership.end < on:
        raise MembersError(_("This membership has already ended."))
    if not reason.strip():
        raise MembersError(_("Give a reason for leaving."))
    end = max(leaving_date(on), membership.start)
    if membership.end is not None:
        end = min(end, membership.end)
    membership.end = end
    membership.notice_given_on = on
    # The member's words stay with staff: the public page says only that notice was given
    # (from `notice_given_on`) and when the membership ends.
    membership.notice_reason = reason.strip()[:1000]
    with acting_as(by):
        membership.save(update_fields=["end", "notice_given_on", "notice_reason"])
    audit_record(
        by=by,
        action="membership.notice_given",
        target=membership,
        about=[holder],
        summary=_("%(name)s gave notice; membership ends on %(date)s")
        % {"name": holder.name, "date": end},
        reason=reason.strip(),
    )
    user = user_of(by)
    if user is not None and user.email:
        email = user.email
        transaction.on_commit(
            lambda: tasks.send_notice_email.enqueue(membership_id=membership.pk, email=email)
        )
    return membership
