from coopnet.core.errors import DomainError


class ElectionError(DomainError):
    """A rule of elections was broken; the message is for the user."""
