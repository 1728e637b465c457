from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext as _

from coopnet.accounts.models import User


def require(user: User | None, perm: str, obj: Model | None = None) -> None:
    """Refuse unless `user` holds `perm` (None = the system itself, e.g. the demo loader)."""
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionError(_("You do not have permission to do that."))
