from coopnet.core.errors import DomainError


class GovernanceError(DomainError):
    """A rule of governance was broken; the message is for the user."""
