"""Helpers shared by the governance services."""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext as _

from coopnet.accounts.models import User


def require(user: User | None, perm: str, obj: Model | None = None) -> None:
    """Refuse unless the user holds the permission; `None` is the system itself (imports, the
    demo loader, an election count)."""
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionError(_("You do not have permission to do that."))


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return (a_end is None or a_end >= b_start) and (b_end is None or b_end >= a_start)
