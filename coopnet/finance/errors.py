class FinanceError(Exception):
    """A rule of the network's finances was broken; the message is for the user."""
