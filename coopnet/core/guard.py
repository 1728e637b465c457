"""The permission guard: one way to refuse, everywhere.

`require(actor, "funding.edit_bid", bid)` returns quietly or raises `Refused`, a subclass of
Django's `PermissionDenied`, so a refusal raised anywhere (a view, a form, a service called by a
view) answers 403 to a page and 403 to the API without the view catching it. The system acts as
`System("job")`, or a caller says `system=True`; `None` is never taken to mean the system.
Predicates live in each app's `permissions.py` (django-rules); this module only asks them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from .actors import System


class Refused(PermissionDenied):
    """The actor may not do this; `message` says so in the user's language."""

    def __init__(self, message: Any = None):
        self.message = str(message or _("You do not have permission to do that."))
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def allowed(actor: Any, perm: str, obj: Model | None = None) -> bool:
    """Whether `actor` holds `perm` (on `obj`); the system holds every permission."""
    if isinstance(actor, System):
        return True
    if actor is None or not getattr(actor, "is_authenticated", False):
        # Anonymous visitors may still hold permissions that rules grant to everyone.
        return bool(actor is not None and actor.has_perm(perm, obj))
    return bool(actor.has_perm(perm, obj))


def require(
    actor: Any,
    perm: str,
    obj: Model | None = None,
    *,
    system: bool = False,
    message: Any = None,
) -> None:
    """Refuse (raise `Refused`) unless `actor` holds `perm` on `obj`.

    `system=True` says the caller is the system itself (a command or task that has no user);
    without it `actor` must be a user or a `System`.
    """
    if system or isinstance(actor, System):
        return
    if actor is None:
        raise TypeError(
            "require() needs the acting user or System(job); pass system=True for system work"
        )
    if not allowed(actor, perm, obj):
        raise Refused(message)


def refuse(message: Any = None) -> Refused:
    """A refusal that is not a permission lookup (for example "only the nominee may answer")."""
    return Refused(message)


def refusal(request: HttpRequest, message: Any = None) -> HttpResponseRedirect:
    """A page's answer to someone it refuses: a visitor who is not signed in is sent to sign
    in (and brought back); a signed-in person is refused (`Refused`, a 403 page)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Refused(message)
