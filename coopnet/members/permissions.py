"""Who may do what in the registry. Views check these; services check them again for writes."""

import rules

from coopnet.accounts.permissions import is_finance_officer, is_network_admin, is_staff_role

from .selectors import managed_organisation_ids


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    """The user manages the organisation's profile today (`Role.objects.managing`)."""
    if organisation is None:
        return False
    return organisation.pk in managed_organisation_ids(user)


@rules.predicate
def manages_some_organisation(user) -> bool:
    return bool(managed_organisation_ids(user))


may_edit_organisation = is_network_admin | manages_organisation

rules.add_perm("members.edit_organisation", may_edit_organisation)
rules.add_perm("members.view_contacts", may_edit_organisation | is_finance_officer)
rules.add_perm("members.manage_registry", is_network_admin)
rules.add_perm("members.import_registry", is_network_admin)
rules.add_perm("members.review_applications", is_network_admin)
rules.add_perm("members.give_notice", may_edit_organisation)
rules.add_perm("members.read_audit_trail", is_staff_role)
# A member's reason for leaving is for the network's staff, never the public page.
rules.add_perm("members.read_leaving_reason", is_staff_role)
# Subject-access exports and erasure: everything about a person, so the network admin only.
rules.add_perm("members.handle_personal_data", is_network_admin)
