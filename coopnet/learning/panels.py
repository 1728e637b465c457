"""Learning's dashboard panels (registered in `LearningConfig.ready()`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from coopnet.core.guard import allowed
from coopnet.members.selectors import managed_organisation_ids

from . import selectors


def take_up(request: HttpRequest) -> dict[str, Any] | None:
    """Training, induction and peer review take-up across the network: board and staff only."""
    if not allowed(request.user, "learning.view_take_up"):
        return None
    return {"take_up": selectors.take_up_cached(timezone.localdate())}


def overdue_induction(request: HttpRequest) -> dict[str, Any] | None:
    """A member's own induction steps that are overdue, flagged on its dashboard."""
    managed = managed_organisation_ids(request.user)
    if not managed:  # staff and the board look after no member's induction of their own
        return None
    today = timezone.localdate()
    inductions = selectors.inductions_of(managed, today)
    late = list(inductions.filter(overdue__gt=0))  # type: ignore[misc]  # an annotation
    return {"late_inductions": late} if late else None
