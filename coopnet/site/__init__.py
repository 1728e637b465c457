"""The top floor: the home page and a person's dashboard (see docs/architecture.md)."""
