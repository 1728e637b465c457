"""The open-data index (`/open-data/`): each app that publishes a file lists it from its
`AppConfig.ready()`, so the page that renders the index need not import the apps it lists:

    from coopnet.core.opendata import register_dataset
    register_dataset("events.ical", template="events/_open_data.html", order=30)

A dataset is a panel at the place "open_data" (`coopnet.core.panels`): its template is shown on
the index with what its context function returns (None hides it).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from . import panels

PLACE = "open_data"


def _no_context(request: HttpRequest) -> dict[str, Any]:
    return {}


def register_dataset(
    name: str,
    *,
    template: str,
    context: panels.ContextFunction | None = None,
    order: int = 100,
) -> None:
    panels.register_panel(
        PLACE, name, template=template, context=context or _no_context, order=order
    )


def open_datasets(request: HttpRequest) -> list[panels.ShownPanel]:
    return panels.panels_for(PLACE, request)
