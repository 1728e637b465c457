"""Panels: a page of one app shows a section another app provides, without importing it.

A page names its *place* ("dashboard", "organisation"); an app that has something to show there
registers a panel from its `AppConfig.ready()`:

    register_panel(
        "organisation",
        "knowledge.case_studies",
        template="knowledge/_organisation_case_studies.html",
        context=lambda request, organisation: {"case_studies": case_studies_for(organisation)},
    )

The page asks `panels_for("organisation", request, organisation=org)` and includes each panel's
template with its context. A context function returning None hides the panel for that request.
So core knows nothing of the apps, and the apps below (members) need not import those above.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

ContextFunction = Callable[..., "dict[str, Any] | None"]


@dataclass(frozen=True)
class Panel:
    place: str
    name: str
    template: str
    context: ContextFunction
    order: int = 100


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    context: dict[str, Any]


_PANELS: dict[str, dict[str, Panel]] = {}


def register_panel(
    place: str, name: str, *, template: str, context: ContextFunction, order: int = 100
) -> None:
    """Show `template` on every page of `place`; registering a name again replaces it."""
    _PANELS.setdefault(place, {})[name] = Panel(place, name, template, context, order)


def unregister_panel(place: str, name: str) -> None:
    _PANELS.get(place, {}).pop(name, None)


def registered_panels(place: str) -> list[Panel]:
    return sorted(_PANELS.get(place, {}).values(), key=lambda p: (p.order, p.name))


def panels_for(place: str, request: HttpRequest, **about: Any) -> list[ShownPanel]:
    """The panels to show at `place` for this request, each with its context worked out."""
    shown: list[ShownPanel] = []
    for panel in registered_panels(place):
        context = panel.context(request, **about)
        if context is not None:
            shown.append(ShownPanel(panel.name, panel.template, {**about, **context}))
    return shown
