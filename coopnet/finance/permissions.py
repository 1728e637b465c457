"""Who may do what in finance. Views check these; services check them again for writes."""

from __future__ import annotations

import rules
from django.utils import timezone

from coopnet.accounts.permissions import is_finance_officer, is_network_admin
from coopnet.members.models import Role, RoleKind
from coopnet.members.permissions import manages_organisation

is_finance_staff = is_network_admin | is_finance_officer


@rules.predicate
def is_invoice_contact(user, organisation) -> bool:
    if not (user and user.is_authenticated and organisation is not None):
        return False
    person = getattr(user, "person", None)
    if person is None:
        return False
    return (
        Role.objects.current_on(timezone.localdate())
        .filter(person=person, organisation=organisation, kind=RoleKind.INVOICE_CONTACT)
        .exists()
    )


@rules.predicate
def owns_invoice(user, invoice) -> bool:
    """The member's own invoice: its officers who manage the profile, its invoice contact, or the
    individual supporter it is addressed to."""
    if invoice is None or not (user and user.is_authenticated):
        return False
    if invoice.organisation_id is not None:
        org = invoice.organisation
        return bool(manages_organisation(user, org) or is_invoice_contact(user, org))
    person = getattr(user, "person", None)
    return person is not None and person.pk == invoice.person_id


may_see_organisation_invoices = is_finance_staff | manages_organisation | is_invoice_contact

rules.add_perm("finance.manage", is_finance_staff)
rules.add_perm("finance.raise_invoices", is_finance_staff)
rules.add_perm("finance.record_payments", is_finance_staff)
# Reversing a payment changes the Accountable Body's books: its finance officers only.
rules.add_perm("finance.reverse_payments", is_finance_officer)
rules.add_perm("finance.view_invoice", is_finance_staff | owns_invoice)
rules.add_perm("finance.view_organisation_invoices", may_see_organisation_invoices)
rules.add_perm("finance.set_purchase_order", may_see_organisation_invoices)
# Ending a membership is the registry's decision: the same people who may manage the registry.
rules.add_perm("finance.end_lapsed_membership", is_network_admin)
