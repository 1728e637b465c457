class MembersError(Exception):
    """A rule of the registry was broken; the message is for the user."""
