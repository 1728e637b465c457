"""Case Studies Packs: staff choose published case studies; a background task lays out the PDF,
counting pages as it goes (`pack_building`); staff may then publish the pack as a publication."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.models import Principle
from coopnet.core.slugs import unique_slug
from coopnet.members.models import Organisation

from ..errors import KnowledgeError
from ..models import CaseStudiesPack, CaseStudy, Publication, Theme
from ..pack_building import pack_build
from ..tasks import build_case_studies_pack
from .search import refresh_search

__all__ = ["max_pack_size", "pack_build", "pack_publish", "pack_request"]


def max_pack_size() -> int:
    return int(getattr(settings, "COOPNET_KNOWLEDGE_MAX_PACK_CASE_STUDIES", 600))


@transaction.atomic
def pack_request(
    *, by: Actor, title: str, introduction: str = "", case_studies: Iterable[CaseStudy]
) -> CaseStudiesPack:
    """Record the pack and queue the task that builds it (once this transaction commits)."""
    require(by, "knowledge.build_packs")
    chosen = [c for c in case_studies if c.state == CaseStudy.State.PUBLISHED]
    if not chosen:
        raise KnowledgeError(_("Choose at least one published case study for the pack."))
    if len(chosen) > max_pack_size():
        raise KnowledgeError(
            _("A pack can hold at most %(n)d case studies; narrow the choice.")
            % {"n": max_pack_size()}
        )
    if not title.strip():
        raise KnowledgeError(_("Give the pack a title."), field="title")
    with acting_as(by):
        pack = CaseStudiesPack.objects.create(
            title=title.strip(),
            introduction=introduction.strip(),
            total=len(chosen),
            created_by=user_of(by),
        )
        pack.case_studies.set(chosen)
        audit_record(
            by=by, action="pack.requested", target=pack, changes={"case_studies": len(chosen)}
        )
    transaction.on_commit(lambda: build_case_studies_pack.enqueue(pack_id=pack.pk))
    return pack


@transaction.atomic
def pack_publish(
    *, pack: CaseStudiesPack, by: Actor, published_on: date | None = None
) -> Publication:
    """Make a finished pack a public Publication (kind: case studies pack), linked to the
    members, principles and themes of its case studies."""
    require(by, "knowledge.build_packs")
    pack = CaseStudiesPack.objects.select_for_update(of=("self",)).get(pk=pack.pk)
    if pack.state != CaseStudiesPack.State.READY or not pack.file:
        raise KnowledgeError(_("Only a finished pack can be published."))
    if pack.publication_id is not None:
        raise KnowledgeError(_("This pack has already been published."))
    with pack.file.open("rb") as fh:
        content = fh.read()
    publication = Publication(
        slug=unique_slug(Publication, pack.title, max_length=190, fallback="case-studies-pack"),
        title=pack.title,
        kind=Publication.Kind.CASE_STUDIES_PACK,
        published_on=published_on or timezone.localdate(),
        summary=pack.introduction,
    )
    with acting_as(by):
        publication.file.save(f"{publication.slug}.pdf", ContentFile(content), save=False)
        publication.save()
        ids = pack.case_studies.values("pk")
        organisations = Organisation.objects.filter(
            Q(led_case_studies__in=ids) | Q(case_studies__in=ids)
        ).distinct()
        publication.organisations.set(organisations)
        publication.principles.set(Principle.objects.filter(case_studies__in=ids).distinct())
        publication.themes.set(Theme.objects.filter(case_studies__in=ids).distinct())
        pack.publication = publication
        pack.save(update_fields=["publication"])
        audit_record(
            by=by, action="pack.published", target=publication, about=[pack, *organisations]
        )
    refresh_search(publication)
    return publication
