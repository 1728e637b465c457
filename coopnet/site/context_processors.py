"""What every page shows staff about the installation itself."""

from __future__ import annotations

from django.http import HttpRequest

from coopnet.accounts.permissions import is_staff_role
from coopnet.core.health import worker_is_down


def operations(request: HttpRequest) -> dict[str, object]:
    """`worker_down` for staff: no task worker is running, so emails and PDFs queued now wait."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not is_staff_role(user):
        return {}
    # Once per request: panels rendered inside the page run the context processors again.
    down = getattr(request, "_coopnet_worker_down", None)
    if down is None:
        down = worker_is_down()
        request._coopnet_worker_down = down  # type: ignore[attr-defined]
    return {"worker_down": down}
