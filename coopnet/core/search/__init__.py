"""One full-text search over the whole site (see registry.py for how content takes part)."""
