"""Who may do what in elections. Views check these; services check them again for writes."""

import rules  # noqa: F401
