"""How events appear in the site search (contract: coopnet.core.search.registry)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from coopnet.core.search.registry import SearchDocument

from .models import Event


def event_document(instance: Event) -> SearchDocument | None:
    if not instance.is_published:
        return None
    day = timezone.localtime(instance.starts_at).date()
    facets: dict[str, list[str]] = {
        "principle": sorted(p.slug for p in instance.principles.all()),
        "year": [str(day.year)],
    }
    if instance.organiser is not None:
        facets["member"] = [instance.organiser.slug]
    body = " ".join(
        part
        for part in (
            instance.get_kind_display(),
            instance.summary,
            instance.description_text,
            instance.venue,
            instance.organiser.name if instance.organiser else "",
        )
        if part
    )
    return SearchDocument(
        title=instance.title,
        body=body,
        url=instance.get_absolute_url(),
        date=day,
        facets=facets,
        summary=(instance.summary or instance.description_text)[:300],
    )


def searchable_events() -> Iterable[Event]:
    return Event.objects.published().select_related("organiser").prefetch_related("principles")
