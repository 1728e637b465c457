"""Dashboard panels: each app adds its section of a person's dashboard from `AppConfig.ready()`,
so the site app that renders the dashboard need not import every app (see `coopnet.core.panels`).

    from coopnet.core.dashboard import register_panel
    register_panel("finance.invoices", template="finance/_dashboard.html",
                   context=lambda request: {...} if allowed(...) else None)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from . import panels

PLACE = "dashboard"


def register_panel(
    name: str, *, template: str, context: panels.ContextFunction, order: int = 100
) -> None:
    panels.register_panel(PLACE, name, template=template, context=context, order=order)


def dashboard_panels(request: HttpRequest, **about: Any) -> list[panels.ShownPanel]:
    return panels.panels_for(PLACE, request, **about)


# --- what needs the person's action --------------------------------------------------------------
#
# The "What needs your action" list: each app registers one provider per kind of task (bids to
# review, ballots to cast, invoices due...). A provider's context function returns None when the
# person has nothing of that kind to do, else `to_do(title, items, more_url=..., more_label=...)`.

ACTIONS = "dashboard-actions"
ACTION_TEMPLATE = "includes/to_do_panel.html"
ACTION_LIMIT = 5  # items shown per kind; the rest are behind "more"


@dataclass(frozen=True)
class ToDoItem:
    label: str
    url: str
    note: str = ""


def to_do(
    title: Any, items: list[ToDoItem], *, total: int, more_url: str = "", more_label: Any = ""
) -> dict[str, Any] | None:
    """The context of one kind of task, or None when there is nothing to do."""
    if not items:
        return None
    return {
        "title": title,
        "items": items,
        "total": total,
        "more_url": more_url,
        "more_label": more_label,
    }


def register_action_provider(
    name: str, *, context: panels.ContextFunction, order: int = 100
) -> None:
    panels.register_panel(ACTIONS, name, template=ACTION_TEMPLATE, context=context, order=order)


def action_panels(request: HttpRequest) -> list[panels.ShownPanel]:
    return panels.panels_for(ACTIONS, request)
