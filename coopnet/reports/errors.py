from coopnet.core.errors import DomainError


class ReportError(DomainError):
    """A rule of the reports refused the request."""
