from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from coopnet.accounts.models import User


def require(user: User | None, perm: str, obj: Model | None = None) -> None:
    if user is None or not user.has_perm(perm, obj):
        raise PermissionError(_("You do not have permission to do that."))


def queue(task: Any, **kwargs: Any) -> None:
    """Enqueue a task once the transaction has committed."""
    send: Callable[[], Any] = lambda: task.enqueue(**kwargs)  # noqa: E731
    transaction.on_commit(send)
