"""Reads of the reports."""

from __future__ import annotations

from django.db.models import QuerySet

from coopnet.core.reports import changed_figures

from .models import GeneratedReport, Kind


def generations() -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.select_related("requested_by").order_by("-requested_at", "-pk")


def published_review(year: int) -> GeneratedReport | None:
    return (
        GeneratedReport.objects.filter(
            kind=Kind.REVIEW,
            year=year,
            state=GeneratedReport.State.READY,
            published_at__isnull=False,
        )
        .order_by("-published_at")
        .first()
    )


def published_years() -> list[int]:
    return sorted(
        set(
            GeneratedReport.objects.filter(
                kind=Kind.REVIEW, published_at__isnull=False
            ).values_list("year", flat=True)
        ),
        reverse=True,
    )


def comparable(report: GeneratedReport) -> QuerySet[GeneratedReport]:
    """Other finished generations of the same document and year."""
    return (
        generations()
        .filter(kind=report.kind, year=report.year, state=GeneratedReport.State.READY)
        .exclude(pk=report.pk)
    )


def differences(before: GeneratedReport, after: GeneratedReport) -> list[tuple[str, str, str]]:
    """The figures that changed from one generation to the other: (name, before, after)."""
    return changed_figures(before.figures, after.figures)
