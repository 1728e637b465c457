from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext

from .models import Principle, ReportedFigure


def latest_reported(keys: list[str]) -> dict[str, ReportedFigure]:
    """The most recent published figure for each key, keyed with underscores for templates."""
    result: dict[str, ReportedFigure] = {}
    for figure in ReportedFigure.objects.filter(key__in=keys).order_by("key", "-as_of"):
        result.setdefault(figure.key.replace("-", "_"), figure)
    return result


def network_principles() -> QuerySet[Principle]:
    return Principle.objects.filter(family=Principle.Family.NETWORK).order_by("order")


def principle_labels(slugs: list[str]) -> dict[str, str]:
    """How the search shows values of the "principle" facet: each principle's name."""
    names = Principle.objects.filter(slug__in=slugs).values_list("slug", "name")
    return {slug: gettext(name) for slug, name in names}
