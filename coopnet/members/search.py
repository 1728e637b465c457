"""The registry's organisations in the site search (registered from MembersConfig.ready())."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Min, QuerySet
from django.utils.translation import gettext_lazy as _

from coopnet.core.search.registry import SearchDocument, register, register_facet_labels

from .models import Membership, Organisation


def organisations() -> QuerySet:
    """Public organisations that have held a membership: their pages are public."""
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
    # Only the id: during a cascade delete the organisation row may already be gone.
    return [Organisation(pk=membership.organisation_id)] if membership.organisation_id else []


def member_labels(slugs: list[str]) -> dict[str, str]:
    return dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "name"))


def register_members() -> None:
    register(
        Organisation,
        kind="organisation",
        document=organisation_document,
        queryset=organisations,
        label=_("Organisations"),
        related={Membership: memberships_organisation},
    )
    register_facet_labels("member", member_labels)
