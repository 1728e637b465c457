"""Events the network holds, attends or promotes, and the places people book on them."""

from .events import Event, EventQuerySet
from .registrations import Registration

__all__ = ["Event", "EventQuerySet", "Registration"]
