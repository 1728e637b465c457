"""Who acts: a signed-in person, or a named system job. Never `None`.

Services take `by: Actor`. Commands and tasks act as `System("load_demo")`,
`System("invoice_reminders")` and so on, so that the audit trail and the field history say which
job wrote a record. `acting_as` makes an actor current for the field history (simple-history)
of everything saved inside it; requests are attributed by `ActorMiddleware`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


@dataclass(frozen=True)
class System:
    """A job of the system itself: a management command, a scheduled task, the demo loader."""

    job: str

    is_authenticated = True
    is_system = True

    def __str__(self) -> str:
        return f"system: {self.job}"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        """The system holds every permission (as `coopnet.core.guard.allowed` says), so a check
        not yet moved to `require` treats a command or task as it treats `require`."""
        return True


Actor: TypeAlias = "AbstractBaseUser | AnonymousUser | System"

_current: ContextVar[Any] = ContextVar("coopnet_actor", default=None)


def current_actor() -> Any:
    """The actor of the innermost `acting_as`, or None outside one."""
    return _current.get()


@contextmanager
def acting_as(actor: Any) -> Iterator[Any]:
    if actor is None:
        raise TypeError("acting_as needs a user or System(job), never None")
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def is_system(actor: Any) -> bool:
    return isinstance(actor, System)


def user_of(actor: Any) -> Any:
    """The user behind an actor (None for the system or an anonymous visitor)."""
    if actor is None or isinstance(actor, System):
        return None
    return actor if getattr(actor, "is_authenticated", False) else None


def history_user(instance: Any = None, request: Any = None, **kwargs: Any) -> Any:
    """simple-history's `get_user`: the current actor's user, else the request's user."""
    actor = current_actor()
    if actor is not None:
        return user_of(actor)
    if request is not None:
        return user_of(getattr(request, "user", None))
    return None
