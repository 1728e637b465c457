from coopnet.core.errors import DomainError


class ProcurementError(DomainError):
    """A rule of the purchasing arrangement, its applications or call-offs was broken."""
