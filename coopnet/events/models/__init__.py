"""Events the network holds, attends or promotes, and the places people book on them."""

from .events import Event, EventQuerySet
from .feeds import CalendarFeed
from .registrations import Registration

__all__ = ["CalendarFeed", "Event", "EventQuerySet", "Registration"]
