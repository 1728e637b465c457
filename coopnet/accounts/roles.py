"""Access roles. Each is a Django group; object rules live in each app's permissions.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UserRole(models.TextChoices):
    NETWORK_ADMIN = "network_admin", _("Network admin")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    BOARD_MEMBER = "board_member", _("Board member")
    MEMBER_OFFICER = "member_officer", _("Member organisation officer")
    AFFILIATE_CONTACT = "affiliate_contact", _("Affiliate contact")
    SUPPORTER = "supporter", _("Supporter")


# Model permissions each role's group carries (app_label.codename).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    UserRole.NETWORK_ADMIN: [
        "members.view_organisation",
        "members.add_organisation",
        "members.change_organisation",
        "members.view_membership",
        "members.add_membership",
        "members.change_membership",
        "members.view_person",
        "members.add_person",
        "members.change_person",
        "members.view_role",
        "members.add_role",
        "members.change_role",
        "members.view_councilbudget",
        "members.add_councilbudget",
        "members.change_councilbudget",
        "members.view_membershipcategory",
        "members.change_membershipcategory",
        "members.view_localauthority",
        "core.view_principle",
        "core.change_principle",
        "core.view_reportedfigure",
        "core.add_reportedfigure",
        "core.change_reportedfigure",
        "core.view_recordcoverage",
        "core.add_recordcoverage",
        "core.change_recordcoverage",
        "accounts.view_invitation",
        "accounts.add_invitation",
    ],
    UserRole.FINANCE_OFFICER: [
        "members.view_organisation",
        "members.view_membership",
        "members.view_person",
        "members.view_role",
    ],
    UserRole.BOARD_MEMBER: ["members.view_organisation", "members.view_membership"],
    UserRole.MEMBER_OFFICER: [],
    UserRole.AFFILIATE_CONTACT: [],
    UserRole.SUPPORTER: [],
}

STAFF_ROLES = {UserRole.NETWORK_ADMIN, UserRole.FINANCE_OFFICER}

# The least access a role gives (no model permission, no organisation to manage): where a role
# is offered, e.g. on an invitation, it starts here and more is chosen on purpose.
LEAST_PRIVILEGED_ROLE = UserRole.SUPPORTER


def grants_staff_access(role: str) -> bool:
    """The role carries the network's admin or finance powers (a staff account)."""
    return role in STAFF_ROLES
