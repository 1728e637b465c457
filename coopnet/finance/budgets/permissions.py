"""Who may do what in budgets. Views check these; services check them again for writes."""

import rules  # noqa: F401
