from __future__ import annotations

from django.db.models import QuerySet

from .models import Principle, ReportedFigure


def latest_reported(keys: list[str]) -> dict[str, ReportedFigure]:
    """The most recent published figure for each key, keyed with underscores for templates."""
    result: dict[str, ReportedFigure] = {}
    for figure in ReportedFigure.objects.filter(key__in=keys).order_by("key", "-as_of"):
        result.setdefault(figure.key.replace("-", "_"), figure)
    return result


def network_principles() -> QuerySet[Principle]:
    return Principle.objects.filter(family=Principle.Family.NETWORK).order_by("order")
