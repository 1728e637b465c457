from coopnet.core.errors import DomainError


class FinanceError(DomainError):
    """A rule of the network's finances was broken; the message is for the user."""
