"""Who may do what in networks, discussions and the newsletter. Views check these; services
check them again for every write.

- Anyone may see the list of groups and a group's purpose; signed-in people see who chose to be
  listed as members.
- People eligible for a group (e.g. officers of Full and Associate members) may join it, or ask
  to when it asks for approval.
- A group's discussions, and its chat group link, are for its members, its coordinators and
  network admins; members post and reply, and report a post to the coordinators.
- Coordinators and network admins approve requests and moderate (hide posts, lock discussions).
- Network admins write and send the newsletter.
"""

from __future__ import annotations

import rules
from django.utils import timezone

from coopnet.accounts.permissions import is_network_admin

from . import selectors


def _person(user):
    return selectors.person_of(user)


@rules.predicate
def is_group_member(user, group) -> bool:
    if group is None:
        return False
    return selectors.is_active_member(group, _person(user), on=timezone.localdate())


@rules.predicate
def is_group_coordinator(user, group) -> bool:
    if group is None:
        return False
    return selectors.is_coordinator(group, _person(user))


@rules.predicate
def is_eligible_for_group(user, group) -> bool:
    if group is None:
        return False
    return selectors.is_eligible(group, _person(user), on=timezone.localdate())


@rules.predicate
def has_person(user) -> bool:
    return _person(user) is not None


rules.add_perm("engagement.join_group", is_eligible_for_group)
rules.add_perm(
    "engagement.view_discussions", is_group_member | is_group_coordinator | is_network_admin
)
rules.add_perm("engagement.post_in_group", is_group_member | is_group_coordinator)
rules.add_perm("engagement.moderate_group", is_group_coordinator | is_network_admin)
rules.add_perm("engagement.manage_newsletter", is_network_admin)
