"""Who may do what in funded projects. Views check these; services check them again for writes.

- Network admins run rounds, assign reviewers, record decisions and manage projects.
- Officers who manage a member organisation's profile bid for it, confirm partnerships for it and
  report on its projects.
- Reviewers are people serving on the EOC or the V&P Board, assigned to a bid by staff; board
  members may read the panel of a round.
"""

from __future__ import annotations

import rules
from django.utils import timezone

from coopnet.accounts.permissions import is_board_member, is_network_admin


def managed_organisation_ids(user) -> set[int]:
    """Organisations whose profile the user manages today (cached on the user object)."""
    if not (user and user.is_authenticated):
        return set()
    cached = getattr(user, "_funding_managed_ids", None)
    if cached is not None:
        return cached
    person = getattr(user, "person", None)
    ids: set[int] = set()
    if person is not None:
        today = timezone.localdate()
        ids = set(
            person.roles.filter(manages_profile=True)
            .exclude(end__lt=today)
            .values_list("organisation_id", flat=True)
        )
    user._funding_managed_ids = ids
    return ids


@rules.predicate
def manages_some_organisation(user) -> bool:
    return bool(managed_organisation_ids(user))


@rules.predicate
def manages_lead(user, obj) -> bool:
    """obj is a Bid or a Project."""
    return bool(obj is not None and obj.lead_id and obj.lead_id in managed_organisation_ids(user))


@rules.predicate
def manages_a_partner(user, bid) -> bool:
    if bid is None:
        return False
    ids = managed_organisation_ids(user)
    return bool(ids) and any(p.organisation_id in ids for p in bid.partners.all())


@rules.predicate
def reviews_bid(user, bid) -> bool:
    person = getattr(user, "person", None) if user and user.is_authenticated else None
    if person is None or bid is None:
        return False
    return any(a.reviewer_id == person.pk for a in bid.assignments.all())


@rules.predicate
def is_reviewer_of(user, assignment) -> bool:
    person = getattr(user, "person", None) if user and user.is_authenticated else None
    return bool(
        person is not None and assignment is not None and assignment.reviewer_id == person.pk
    )


rules.add_perm("funding.manage", is_network_admin)
rules.add_perm("funding.bid", is_network_admin | manages_some_organisation)
rules.add_perm("funding.edit_bid", is_network_admin | manages_lead)
rules.add_perm(
    "funding.view_bid",
    is_network_admin | is_board_member | manages_lead | manages_a_partner | reviews_bid,
)
rules.add_perm("funding.view_panel", is_network_admin | is_board_member)
rules.add_perm("funding.review", is_reviewer_of)
rules.add_perm("funding.report_on_project", is_network_admin | manages_lead)
