import rules

from coopnet.core.permissions import is_network_admin

rules.add_perm("accounts.invite_people", is_network_admin)
