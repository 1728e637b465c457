"""Who may do what in budgets. Views check these; services check them again for writes.

Finance staff (the Accountable Body's finance officer) and network admins keep the budgets. Board
members may read the statement and its PDF: the Executive Oversight Committee oversees the
network's budget and signs off its accounts. Nobody else sees them.
"""

import rules

from coopnet.accounts.permissions import is_board_member, is_staff_role

may_manage = is_staff_role
may_read_statement = is_staff_role | is_board_member

rules.add_perm("budgets.view_statement", may_read_statement)
rules.add_perm("budgets.manage_budgets", may_manage)
