from coopnet.core.errors import DomainError


class KnowledgeError(DomainError):
    """A rule of the knowledge hub was broken; the message says which, for the person acting."""
