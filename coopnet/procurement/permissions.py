"""Who may do what in procurement. Views check these; services check them again for writes.

- Network admins run the arrangement: they evaluate applications, admit and remove suppliers,
  and may buy for the network itself.
- An officer who manages an organisation's profile applies for it as a supplier, tenders for it
  when it is invited, and (when it is an eligible buyer) issues call-offs for it.
- A call-off is seen by its buyer's managers, the managers of the suppliers invited to it, and
  network admins. Nobody reads a tender before its deadline (see selectors.opened_tenders).
"""

from __future__ import annotations

import rules

from coopnet.accounts.permissions import is_network_admin
from coopnet.core.files import register_file
from coopnet.members.permissions import manages_organisation, manages_some_organisation
from coopnet.members.selectors import managed_organisation_ids


@rules.predicate
def manages_buyer(user, call_off) -> bool:
    return bool(
        call_off is not None
        and call_off.buyer_id
        and call_off.buyer_id in managed_organisation_ids(user)
    )


@rules.predicate
def bought_by_network(user, call_off) -> bool:
    return bool(call_off is not None and call_off.bought_by_network)


@rules.predicate
def manages_an_invited_supplier(user, call_off) -> bool:
    if call_off is None:
        return False
    ids = managed_organisation_ids(user)
    return bool(ids) and call_off.invitations.filter(supplier_id__in=ids).exists()


@rules.predicate
def manages_applicant(user, application) -> bool:
    return bool(
        application is not None and application.organisation_id in managed_organisation_ids(user)
    )


may_run_call_off = manages_buyer | (is_network_admin & bought_by_network)

rules.add_perm("procurement.manage", is_network_admin)
rules.add_perm("procurement.apply", is_network_admin | manages_some_organisation)
rules.add_perm("procurement.apply_for", is_network_admin | manages_organisation)
rules.add_perm("procurement.view_application", is_network_admin | manages_applicant)
rules.add_perm("procurement.buy", is_network_admin | manages_some_organisation)
rules.add_perm("procurement.buy_for", manages_organisation)
rules.add_perm("procurement.run_call_off", may_run_call_off)
rules.add_perm(
    "procurement.view_call_off",
    is_network_admin | may_run_call_off | manages_an_invited_supplier,
)
rules.add_perm("procurement.tender", manages_an_invited_supplier)


def register_files() -> None:
    """Who may see each file procurement keeps (coopnet.core.files): a user guide is public."""
    register_file("procurement.Arrangement", "user_guide", can_view=lambda user, arrangement: True)
