"""Who may do what in the registry. Views check these; services check them again for writes."""

import rules
from django.utils import timezone

from coopnet.core.permissions import is_finance_officer, is_network_admin


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    if not (user and user.is_authenticated and organisation is not None):
        return False
    person = getattr(user, "person", None)
    if person is None:
        return False
    today = timezone.localdate()
    return (
        person.roles.filter(organisation=organisation, manages_profile=True)
        .exclude(end__lt=today)
        .exists()
    )


may_edit_organisation = is_network_admin | manages_organisation

rules.add_perm("members.edit_organisation", may_edit_organisation)
rules.add_perm("members.view_contacts", may_edit_organisation | is_finance_officer)
rules.add_perm("members.manage_registry", is_network_admin)
rules.add_perm("members.import_registry", is_network_admin)
rules.add_perm("members.review_applications", is_network_admin)
rules.add_perm("members.give_notice", may_edit_organisation)
