from coopnet.core.errors import DomainError


class EventsError(DomainError):
    """A rule of events or bookings was broken; the message is for the person acting."""
