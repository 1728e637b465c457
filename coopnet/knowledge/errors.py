class KnowledgeError(Exception):
    """A rule of the knowledge hub was broken; the message says which, for the person acting."""
