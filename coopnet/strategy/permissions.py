"""Who may do what with the strategy: anyone reads the strategy and its KPI dashboard; network
admins edit it, enter measure values with their source, record progress and set coverage."""

from __future__ import annotations

import rules

from coopnet.accounts.permissions import is_network_admin

rules.add_perm("strategy.view", rules.always_allow)
rules.add_perm("strategy.manage", is_network_admin)
rules.add_perm("strategy.set_coverage", is_network_admin)
