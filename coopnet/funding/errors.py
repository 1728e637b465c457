from coopnet.core.errors import DomainError


class FundingError(DomainError):
    """A rule of funding rounds, bids or projects was broken; the message is for the user."""
