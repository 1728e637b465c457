"""The search kinds core provides: the registry's organisations, and facet labels.

Registered from CoreConfig.ready(). Other apps register their own kinds (knowledge: case_study,
publication, news; funding: project) the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Min, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .registry import SearchDocument, register, register_facet_labels


def organisations() -> QuerySet:
    """Public organisations that have held a membership: their pages are public."""
    from coopnet.members.models import Organisation

    return (
        Organisation.objects.filter(is_public=True, memberships__isnull=False)
        .select_related("local_authority", "area_authority")
        .annotate(joined=Min("memberships__start"))
        .order_by("pk")
    )


def organisation_document(organisation) -> SearchDocument | None:
    joined = getattr(organisation, "joined", None)
    la = organisation.local_authority or organisation.area_authority
    place = [la.official_name, la.region, la.nation] if la else []
    body = "\n".join(
        part
        for part in [organisation.description, str(organisation.get_kind_display()), *place]
        if part
    )
    return SearchDocument(
        title=organisation.name,
        body=body,
        summary=organisation.description[:300],
        url=organisation.get_absolute_url(),
        date=joined,
        facets={"member": [organisation.slug]},
    )


def memberships_organisation(membership) -> Iterable:
    from coopnet.members.models import Organisation

    # Only the id: during a cascade delete the organisation row may already be gone.
    return [Organisation(pk=membership.organisation_id)] if membership.organisation_id else []


def principle_labels(slugs: list[str]) -> dict[str, str]:
    from coopnet.core.models import Principle

    names = Principle.objects.filter(slug__in=slugs).values_list("slug", "name")
    return {slug: gettext(name) for slug, name in names}


def member_labels(slugs: list[str]) -> dict[str, str]:
    from coopnet.members.models import Organisation

    return dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "name"))


def register_core() -> None:
    from coopnet.members.models import Membership, Organisation

    register(
        Organisation,
        kind="organisation",
        document=organisation_document,
        queryset=organisations,
        label=_("Organisations"),
        related={Membership: memberships_organisation},
    )
    register_facet_labels("principle", principle_labels)
    register_facet_labels("member", member_labels)
