class GovernanceError(Exception):
    """A rule of governance was broken; the message is for the user."""
