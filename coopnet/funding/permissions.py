"""Who may do what in funded projects. Views check these; services check them again for writes.

- Network admins run rounds, assign reviewers, record decisions and manage projects.
- Officers who manage a member organisation's profile bid for it, confirm partnerships for it and
  report on its projects ("manages" is `Role.objects.managing`, through the members app).
- Reviewers are people serving on the EOC or the V&P Board, assigned to a bid by staff; board
  members may read the panel of a round.
"""

from __future__ import annotations

import rules

from coopnet.accounts.models import User
from coopnet.accounts.permissions import is_board_member, is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed
from coopnet.members.permissions import manages_organisation, manages_some_organisation
from coopnet.members.selectors import managed_organisation_ids


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
def manages_partner_organisation(user, partner) -> bool:
    """partner is a BidPartner: the user manages the organisation taking part."""
    return partner is not None and manages_organisation(user, partner.organisation)


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
# obj: the Organisation that would lead the bid.
rules.add_perm("funding.bid_for", is_network_admin | manages_organisation)
# Staff may pick any member as the lead of a bid; officers only the organisations they manage.
rules.add_perm("funding.bid_for_any_organisation", is_network_admin)
rules.add_perm("funding.edit_bid", is_network_admin | manages_lead)
rules.add_perm(
    "funding.view_bid",
    is_network_admin | is_board_member | manages_lead | manages_a_partner | reviews_bid,
)
# obj: a BidPartner.
rules.add_perm("funding.confirm_partner", is_network_admin | manages_partner_organisation)
rules.add_perm("funding.view_panel", is_network_admin | is_board_member)
rules.add_perm("funding.review", is_reviewer_of)
rules.add_perm("funding.report_on_project", is_network_admin | manages_lead)


def funding_managers() -> list[User]:
    """The people who hold `funding.manage` (told when a report comes in). Network admins have
    staff accounts, so only active staff accounts are asked."""
    staff = User.objects.filter(is_active=True, is_staff=True).order_by("email")
    return [user for user in staff if user.has_perm("funding.manage")]


def register_files() -> None:
    """Who may see each file funding keeps (coopnet.core.files): a bid's documents, as the bid."""
    register_file(
        "funding.BidDocument",
        "file",
        can_view=lambda user, document: allowed(user, "funding.view_bid", document.bid),
        prefix="funding/bids/",
    )
