"""Who may do what in knowledge hub. Views check these; services check them again for writes."""

import rules  # noqa: F401
