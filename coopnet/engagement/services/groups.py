"""Joining, asking to join, approving and leaving groups; preferences; the rules of engagement."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require
from coopnet.members.models import Person

from .. import selectors, tasks
from ..errors import EngagementError
from ..models import Group, GroupMembership


def _person_of(by: Any) -> Person:
    person = selectors.person_of(by)
    if person is None:
        raise refuse(_("Only people in the registry can join groups."))
    return person


def _check_rules(group: Group, accepted_rules_version: int | None) -> None:
    if group.rules_text and accepted_rules_version != group.rules_version:
        raise EngagementError(
            _("To join, you need to accept the group's rules of engagement."),
            field="accept_rules",
            code="rules_not_accepted",
        )


def _check_not_already(group: Group, person: Person) -> None:
    existing = selectors.open_membership(group, person)
    if existing is not None:
        if existing.is_active:
            raise EngagementError(_("You are already a member of this group."), code="member")
        raise EngagementError(_("You have already asked to join this group."), code="requested")


def _open(
    *,
    group: Group,
    person: Person,
    status: str,
    accepted_rules_version: int | None,
    visible: bool,
    notify: str,
) -> GroupMembership:
    now = timezone.now()
    try:
        with transaction.atomic():
            return GroupMembership.objects.create(
                group=group,
                person=person,
                status=status,
                start=timezone.localdate() if status == GroupMembership.Status.ACTIVE else None,
                requested_at=now,
                rules_version_accepted=accepted_rules_version if group.rules_text else None,
                rules_accepted_at=now if group.rules_text else None,
                visible_in_list=visible,
                notify=notify,
            )
    except IntegrityError as exc:  # two clicks at once: one membership
        raise EngagementError(_("You are already a member of this group.")) from exc


@transaction.atomic
def group_join(
    *,
    group: Group,
    by: Any,
    accepted_rules_version: int | None,
    visible: bool = False,
    notify: str = GroupMembership.Notify.DAILY_DIGEST,
) -> GroupMembership:
    """Join an open group at once, accepting its current rules of engagement."""
    require(by, "engagement.join_group", group, message=_("You are not eligible for this group."))
    person = _person_of(by)
    group = Group.objects.select_for_update(of=("self",)).get(
        pk=group.pk
    )  # the rules as they are now
    if group.asks_for_approval:
        raise EngagementError(_("This group approves each member: ask to join instead."))
    _check_rules(group, accepted_rules_version)
    _check_not_already(group, person)
    with acting_as(by):
        membership = _open(
            group=group,
            person=person,
            status=GroupMembership.Status.ACTIVE,
            accepted_rules_version=accepted_rules_version,
            visible=visible,
            notify=notify,
        )
        audit_record(
            by=by,
            action="group.joined",
            target=membership,
            summary=_("%(person)s joined %(group)s") % {"person": person, "group": group},
            about=[group, person],
            changes={"rules_version": membership.rules_version_accepted},
        )
    return membership


@transaction.atomic
def group_request(
    *,
    group: Group,
    by: Any,
    accepted_rules_version: int | None,
    visible: bool = False,
    notify: str = GroupMembership.Notify.DAILY_DIGEST,
) -> GroupMembership:
    """Ask to join a group that approves its members; its coordinators are told."""
    require(by, "engagement.join_group", group, message=_("You are not eligible for this group."))
    person = _person_of(by)
    group = Group.objects.select_for_update(of=("self",)).get(pk=group.pk)
    if not group.asks_for_approval:
        raise EngagementError(_("This group is open: join it straight away."))
    _check_rules(group, accepted_rules_version)
    _check_not_already(group, person)
    with acting_as(by):
        membership = _open(
            group=group,
            person=person,
            status=GroupMembership.Status.REQUESTED,
            accepted_rules_version=accepted_rules_version,
            visible=visible,
            notify=notify,
        )
        audit_record(
            by=by,
            action="group.join_requested",
            target=membership,
            summary=_("%(person)s asked to join %(group)s") % {"person": person, "group": group},
            about=[group, person],
        )
    pk = membership.pk
    transaction.on_commit(lambda: tasks.send_join_request_email.enqueue(membership_id=pk))
    return membership


def _decide(*, membership: GroupMembership, by: Any, approve: bool) -> GroupMembership:
    membership = GroupMembership.objects.select_for_update(of=("self",)).get(pk=membership.pk)
    require(by, "engagement.moderate_group", membership.group)
    if membership.status != GroupMembership.Status.REQUESTED:
        raise EngagementError(_("Only a request waiting for a decision can be decided."))
    with acting_as(by):
        if approve:
            membership.status = GroupMembership.Status.ACTIVE
            membership.start = timezone.localdate()
        else:
            membership.status = GroupMembership.Status.DECLINED
        membership.save()
        audit_record(
            by=by,
            action="group.join_approved" if approve else "group.join_declined",
            target=membership,
            about=[membership.group, membership.person],
        )
    pk = membership.pk
    transaction.on_commit(lambda: tasks.send_join_decision_email.enqueue(membership_id=pk))
    return membership


@transaction.atomic
def group_approve(*, membership: GroupMembership, by: Any) -> GroupMembership:
    """A coordinator (or network admin) lets a person into the group."""
    return _decide(membership=membership, by=by, approve=True)


@transaction.atomic
def group_decline(*, membership: GroupMembership, by: Any) -> GroupMembership:
    return _decide(membership=membership, by=by, approve=False)


@transaction.atomic
def group_leave(*, group: Group, by: Any) -> GroupMembership:
    """Leave a group (or withdraw a request): the membership ends today."""
    membership = selectors.open_membership(group, selectors.person_of(by))
    if membership is None:
        raise EngagementError(_("You are not a member of this group."))
    membership = GroupMembership.objects.select_for_update(of=("self",)).get(pk=membership.pk)
    today = timezone.localdate()
    with acting_as(by):
        if membership.is_active:
            membership.end = today  # the last day as a member; status LEFT closes it at once
        membership.status = GroupMembership.Status.LEFT
        membership.save()
        audit_record(
            by=by,
            action="group.left",
            target=membership,
            summary=_("%(person)s left %(group)s") % {"person": membership.person, "group": group},
            about=[group, membership.person],
        )
    return membership


@transaction.atomic
def membership_preferences_set(
    *, membership: GroupMembership, by: Any, notify: str, visible: bool
) -> GroupMembership:
    """A member chooses their emails and whether they are shown in the member list."""
    if selectors.person_of(by) != membership.person:
        raise refuse(_("Only the member may change these choices."))
    if notify not in GroupMembership.Notify.values:
        raise EngagementError(_("Choose how you want to hear about posts."), field="notify")
    with acting_as(by):
        membership.notify = notify
        membership.visible_in_list = visible
        membership.save(update_fields=["notify", "visible_in_list"])
        audit_record(
            by=by,
            action="group.preferences_changed",
            target=membership,
            about=[membership.group],
            changes={"notify": notify, "visible": visible},
        )
    return membership


@transaction.atomic
def rules_accept(
    *, membership: GroupMembership, by: Any, accepted_rules_version: int | None
) -> GroupMembership:
    """A member accepts the group's new rules of engagement; the version and time are recorded."""
    if selectors.person_of(by) != membership.person:
        raise refuse(_("Only the member may accept the rules for themselves."))
    membership = (
        GroupMembership.objects.select_for_update(of=("self",))
        .select_related("group")
        .get(pk=membership.pk)
    )
    if not membership.is_active:
        raise EngagementError(_("You are not a member of this group."))
    _check_rules(membership.group, accepted_rules_version)
    with acting_as(by):
        membership.rules_version_accepted = accepted_rules_version
        membership.rules_accepted_at = timezone.now()
        membership.save(update_fields=["rules_version_accepted", "rules_accepted_at"])
        audit_record(
            by=by,
            action="group.rules_accepted",
            target=membership,
            about=[membership.group],
            changes={"rules_version": accepted_rules_version},
        )
    return membership


@transaction.atomic
def group_rules_update(*, group: Group, by: Any, rules_text: str) -> Group:
    """New rules of engagement get a new version number; the acceptances keep theirs."""
    require(by, "engagement.moderate_group", group)
    group = Group.objects.select_for_update(of=("self",)).get(pk=group.pk)
    if rules_text.strip() == group.rules_text.strip():
        return group
    with acting_as(by):
        group.rules_text = rules_text.strip()
        group.rules_version += 1
        group.save(update_fields=["rules_text", "rules_version"])
        audit_record(
            by=by,
            action="group.rules_changed",
            target=group,
            changes={"rules_version": group.rules_version},
        )
    return group
