"""Procurement's panel on the staff dashboard: applications past their decision deadline."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coopnet.core.guard import allowed

from . import selectors


def overdue_evaluations(request: HttpRequest) -> dict[str, Any] | None:
    """For network staff only: how many applications await a decision, and how many are late."""
    if not allowed(request.user, "procurement.manage"):
        return None
    applications = selectors.evaluation_queue(with_decisions=False)
    overdue = [a for a in applications if a.is_overdue]  # type: ignore[attr-defined]
    return {"waiting_count": len(applications), "overdue": overdue}
