from coopnet.core.errors import DomainError


class MembersError(DomainError):
    """A rule of the registry was broken; the message is for the user."""
