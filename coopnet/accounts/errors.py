from __future__ import annotations

from coopnet.core.errors import DomainError


class AccountsError(DomainError):
    """A rule about accounts refused the request."""
