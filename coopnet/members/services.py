"""Writes to the registry. Each validates, writes in one transaction and records history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.models import User

from . import tasks
from .errors import MembersError
from .models import Membership, MembershipCategory, Organisation, Person, Role
from .rules_of_membership import period_errors

PROFILE_FIELDS = ("description", "website", "email", "phone", "address")


def _require(user: User | None, perm: str, obj: Model | None = None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionError(_("You do not have permission to do that."))


def unique_slug(model: type[Organisation] | type[Person], text: str) -> str:
    base = slugify(text)[:100] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _lock_holder(holder: Organisation | Person) -> None:
    """Serialise writes to one holder's memberships (SELECT ... FOR UPDATE on PostgreSQL)."""
    type(holder).objects.select_for_update().filter(pk=holder.pk).first()


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
    by: User | None,
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
def membership_save(*, membership: Membership, by: User | None) -> Membership:
    """Record a new or edited membership period, if the registry's rules allow it.

    The holder's row is locked first, so two people recording overlapping periods for the same
    organisation at once get one period and one clear refusal.
    """
    _require(by, "members.manage_registry")
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
    membership.save()
    return membership


@transaction.atomic
def membership_end(
    *, membership: Membership, end: date, reason: str, by: User | None
) -> Membership:
    _require(by, "members.manage_registry")
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.end is not None:
        raise MembersError(_("This membership has already ended."))
    if end < membership.start:
        raise MembersError(_("A membership cannot end before it starts."))
    if not reason.strip():
        raise MembersError(_("Give a reason for ending the membership."))
    membership.end = end
    membership.end_reason = reason.strip()
    membership.save(update_fields=["end", "end_reason"])
    return membership


@transaction.atomic
def membership_change_category(
    *, membership: Membership, category: MembershipCategory, on: date, by: User | None
) -> Membership:
    """End the current membership the day before `on` and start one in the new category."""
    _require(by, "members.manage_registry")
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
    *, organisation: Organisation, by: User, data: dict[str, Any]
) -> Organisation:
    _require(by, "members.edit_organisation", organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = [f for f in PROFILE_FIELDS if f in data and getattr(organisation, f) != data[f]]
    for f in changed:
        setattr(organisation, f, data[f])
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])
    return organisation


@transaction.atomic
def contact_add(
    *,
    organisation: Organisation,
    by: User,
    full_name: str,
    kind: str,
    honorific: str = "",
    title: str = "",
    email: str = "",
    phone: str = "",
    consent_to_contact: bool = False,
    is_public: bool = False,
) -> Role:
    _require(by, "members.edit_organisation", organisation)
    person = Person.objects.create(
        honorific=honorific,
        full_name=full_name.strip(),
        slug=unique_slug(Person, full_name),
        email=email,
        phone=phone,
        consent_to_contact=consent_to_contact,
        consent_recorded_at=timezone.now() if consent_to_contact else None,
        is_public=is_public,
    )
    return Role.objects.create(
        person=person, organisation=organisation, kind=kind, title=title, start=timezone.localdate()
    )


@transaction.atomic
def contact_update(*, role: Role, by: User, data: dict[str, Any]) -> Role:
    _require(by, "members.edit_organisation", role.organisation)
    role = Role.objects.select_for_update().select_related("person").get(pk=role.pk)
    person = role.person
    for f in ("honorific", "full_name", "email", "phone", "is_public"):
        if f in data:
            setattr(person, f, data[f])
    if "consent_to_contact" in data and data["consent_to_contact"] != person.consent_to_contact:
        person.consent_to_contact = data["consent_to_contact"]
        person.consent_recorded_at = timezone.now()
    person.save()
    for f in ("kind", "title"):
        if f in data:
            setattr(role, f, data[f])
    role.save()
    return role


@transaction.atomic
def contact_end(*, role: Role, by: User, on: date) -> Role:
    _require(by, "members.edit_organisation", role.organisation)
    role = Role.objects.select_for_update().get(pk=role.pk)
    if role.end is not None:
        raise MembersError(_("This role has already ended."))
    if role.start and on < role.start:
        raise MembersError(_("A role cannot end before it starts."))
    role.end = on
    role.save(update_fields=["end"])
    return role


def leaving_date(notice_on: date) -> date:
    """The day a membership ends when notice is given on `notice_on`: the network's rule.

    The seeds fix no notice period, so the rule is: membership runs to the end of the membership
    year (31 July) in which notice is given. `COOPNET_LEAVING_NOTICE_DAYS`, when set, replaces
    it with a notice period of that many days.
    """
    days = getattr(settings, "COOPNET_LEAVING_NOTICE_DAYS", None)
    if days is not None:
        return notice_on + timedelta(days=int(days))
    year = notice_on.year if notice_on.month < 8 else notice_on.year + 1
    return date(year, 7, 31)


@transaction.atomic
def membership_give_notice(
    *, membership: Membership, by: User, reason: str, on: date | None = None
) -> Membership:
    """The member (or staff) says it will leave; the membership ends on `leaving_date`.

    The membership keeps its history and the organisation stays in the registry.
    """
    holder = membership.organisation
    if holder is None or not by.has_perm("members.give_notice", holder):
        raise PermissionError(_("You do not have permission to do that."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
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
    membership.end_reason = (
        _("Notice given on %(date)s: %(reason)s")
        % {"date": on.isoformat(), "reason": reason.strip()}
    )[:300]
    membership.save(update_fields=["end", "notice_given_on", "end_reason"])
    if by.email:
        email = by.email
        transaction.on_commit(
            lambda: tasks.send_notice_email.enqueue(membership_id=membership.pk, email=email)
        )
    return membership
