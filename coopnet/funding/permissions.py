"""Who may do what in funded projects. Views check these; services check them again for writes."""

import rules  # noqa: F401
