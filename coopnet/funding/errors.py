class FundingError(Exception):
    """A rule of funding rounds, bids or projects was broken; the message is for the user."""
