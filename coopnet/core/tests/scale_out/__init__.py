"""Two app servers and two task workers on one PostgreSQL, driven over real HTTP."""
