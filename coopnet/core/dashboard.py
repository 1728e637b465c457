"""Dashboard panels: each app adds its section of a person's dashboard from `AppConfig.ready()`,
so the site app that renders the dashboard need not import every app (see `coopnet.core.panels`).

    from coopnet.core.dashboard import register_panel
    register_panel("finance.invoices", template="finance/_dashboard.html",
                   context=lambda request: {...} if allowed(...) else None)
"""

from __future__ import annotations

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
