class ElectionError(Exception):
    """A rule of elections was broken; the message is for the user."""
