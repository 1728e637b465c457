"""The top floor: the home page and a person's dashboard, and the wiring of the capabilities
into the hooks and panels the floors below offer (see docs/architecture.md)."""
