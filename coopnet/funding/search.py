"""How funded projects appear in the site search (contract: coopnet.core.search.registry)."""

from __future__ import annotations

from collections.abc import Iterable

from coopnet.core.search.registry import SearchDocument

from .models import Project


def project_document(instance: Project) -> SearchDocument | None:
    if not instance.is_published:
        return None
    members = {
        o.slug for o in (instance.lead, *instance.partners.all(), *instance.participants.all()) if o
    }
    facets: dict[str, list[str]] = {
        "principle": sorted(p.slug for p in instance.principles.all()),
        "member": sorted(members),
    }
    if instance.round is not None:
        facets["year"] = [str(instance.round.year)]
    lead = instance.lead.name if instance.lead else ""
    body = " ".join(
        part
        for part in (
            instance.summary,
            instance.scheme.name,
            lead,
            " ".join(o.name for o in instance.participants.all()),
            " ".join(p.title for p in instance.outputs.all()),
        )
        if part
    )
    return SearchDocument(
        title=instance.title,
        body=body,
        url=instance.get_absolute_url(),
        date=instance.awarded_on or instance.report_launched_on,
        facets=facets,
        summary=instance.summary[:300],
    )


def searchable_projects() -> Iterable[Project]:
    return (
        Project.objects.filter(is_published=True)
        .select_related("lead", "round", "scheme")
        .prefetch_related("partners", "participants", "principles", "outputs")
    )
