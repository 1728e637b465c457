"""Who may do what in governance. Views check these; services check them again for writes."""

import rules  # noqa: F401
