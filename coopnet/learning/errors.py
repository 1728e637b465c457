from coopnet.core.errors import DomainError


class LearningError(DomainError):
    """A rule of training, induction, self-assessment or peer review was broken."""
