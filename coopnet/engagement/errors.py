from coopnet.core.errors import DomainError


class EngagementError(DomainError):
    """A rule of the networks, discussions or newsletter was broken; the message is for the user."""
