"""Case Studies Packs: staff choose published case studies; a background task lays out the PDF,
counting pages as it goes; staff may then publish the pack as a publication."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.core.models import Principle
from coopnet.members.models import Organisation

from ..errors import KnowledgeError
from ..models import CaseStudiesPack, CaseStudy, Publication, Theme
from .case_studies import _require
from .search import refresh_search

logger = logging.getLogger(__name__)


def max_pack_size() -> int:
    return int(getattr(settings, "COOPNET_KNOWLEDGE_MAX_PACK_CASE_STUDIES", 600))


@transaction.atomic
def pack_request(
    *, by: User | None, title: str, introduction: str = "", case_studies: Iterable[CaseStudy]
) -> CaseStudiesPack:
    """Record the pack and queue the task that builds it (once this transaction commits)."""
    _require(by, "knowledge.build_packs")
    chosen = [c for c in case_studies if c.state == CaseStudy.State.PUBLISHED]
    if not chosen:
        raise KnowledgeError(_("Choose at least one published case study for the pack."))
    if len(chosen) > max_pack_size():
        raise KnowledgeError(
            _("A pack can hold at most %(n)d case studies; narrow the choice.")
            % {"n": max_pack_size()}
        )
    if not title.strip():
        raise KnowledgeError(_("Give the pack a title."))
    pack = CaseStudiesPack.objects.create(
        title=title.strip(), introduction=introduction.strip(), total=len(chosen), created_by=by
    )
    pack.case_studies.set(chosen)
    from ..tasks import build_case_studies_pack

    transaction.on_commit(lambda: build_case_studies_pack.enqueue(pack_id=pack.pk))
    return pack


def _pack_case_studies(pack: CaseStudiesPack) -> list[CaseStudy]:
    return list(
        pack.case_studies.select_related("lead_organisation")
        .prefetch_related(
            Prefetch("principles", queryset=Principle.objects.order_by("order")),
            Prefetch("participants", queryset=Organisation.objects.order_by("name")),
            "images",
        )
        .order_by("title", "pk")
    )


def _start(pack_id: int) -> CaseStudiesPack | None:
    with transaction.atomic():
        pack = CaseStudiesPack.objects.select_for_update().get(pk=pack_id)
        if pack.state != CaseStudiesPack.State.QUEUED:
            return None  # already built, or being built by another worker
        pack.state = CaseStudiesPack.State.BUILDING
        pack.done = 0
        pack.save(update_fields=["state", "done"])
        return pack


def pack_build(*, pack_id: int) -> CaseStudiesPack:
    """Lay out the pack, saving progress after each case study; run by the background task."""
    from ..pdf import render_pack

    pack = _start(pack_id)
    if pack is None:
        return CaseStudiesPack.objects.get(pk=pack_id)
    case_studies = _pack_case_studies(pack)
    try:

        def progress(done: int) -> None:
            CaseStudiesPack.objects.filter(pk=pack_id).update(done=done)

        pdf = render_pack(pack, case_studies, progress)
    except Exception as exc:
        logger.exception("Case studies pack %s failed", pack_id)
        CaseStudiesPack.objects.filter(pk=pack_id).update(
            state=CaseStudiesPack.State.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        pack.refresh_from_db()
        return pack
    pack.refresh_from_db()
    pack.file.save(
        f"{slugify(pack.title) or 'case-studies-pack'}.pdf", ContentFile(pdf), save=False
    )
    pack.state = CaseStudiesPack.State.READY
    pack.done = pack.total = len(case_studies)
    pack.finished_at = timezone.now()
    pack.save(update_fields=["file", "state", "done", "total", "finished_at"])
    return pack


def _unique_publication_slug(title: str) -> str:
    base = slugify(title)[:190] or "case-studies-pack"
    slug, n = base, 1
    while Publication.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def pack_publish(
    *, pack: CaseStudiesPack, by: User | None, published_on: date | None = None
) -> Publication:
    """Make a finished pack a public Publication (kind: case studies pack), linked to the
    members, principles and themes of its case studies."""
    _require(by, "knowledge.build_packs")
    pack = CaseStudiesPack.objects.select_for_update().get(pk=pack.pk)
    if pack.state != CaseStudiesPack.State.READY or not pack.file:
        raise KnowledgeError(_("Only a finished pack can be published."))
    if pack.publication_id is not None:
        raise KnowledgeError(_("This pack has already been published."))
    with pack.file.open("rb") as fh:
        content = fh.read()
    publication = Publication(
        slug=_unique_publication_slug(pack.title),
        title=pack.title,
        kind=Publication.Kind.CASE_STUDIES_PACK,
        published_on=published_on or timezone.localdate(),
        summary=pack.introduction,
    )
    if by is not None:
        publication._history_user = by  # type: ignore[attr-defined]
    publication.file.save(f"{publication.slug}.pdf", ContentFile(content), save=False)
    publication.save()
    ids = pack.case_studies.values("pk")
    publication.organisations.set(
        Organisation.objects.filter(
            Q(led_case_studies__in=ids) | Q(case_studies__in=ids)
        ).distinct()
    )
    publication.principles.set(Principle.objects.filter(case_studies__in=ids).distinct())
    publication.themes.set(Theme.objects.filter(case_studies__in=ids).distinct())
    pack.publication = publication
    pack.save(update_fields=["publication"])
    refresh_search(publication)
    return publication
