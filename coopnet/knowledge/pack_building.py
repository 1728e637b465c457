"""Laying out a Case Studies Pack as a PDF: the background work the task runs.

Services queue it (`pack_request`, on commit, through `tasks`); this module imports neither, so
services -> tasks -> pack_building has no cycle.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.models import Principle
from coopnet.members.models import Organisation

from . import pdf
from .models import CaseStudiesPack, CaseStudy

logger = logging.getLogger(__name__)
BUILDER = System("build_case_studies_pack")


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
        pack = CaseStudiesPack.objects.select_for_update(of=("self",)).get(pk=pack_id)
        if pack.state != CaseStudiesPack.State.QUEUED:
            return None  # already built, or being built by another worker
        pack.state = CaseStudiesPack.State.BUILDING
        pack.done = 0
        pack.save(update_fields=["state", "done"])
        return pack


def pack_build(*, pack_id: int) -> CaseStudiesPack:
    """Lay out the pack, saving progress after each case study; run by the background task."""
    with acting_as(BUILDER):
        return _build(pack_id)


def _build(pack_id: int) -> CaseStudiesPack:
    pack = _start(pack_id)
    if pack is None:
        return CaseStudiesPack.objects.get(pk=pack_id)
    case_studies = _pack_case_studies(pack)
    try:

        def progress(done: int) -> None:
            CaseStudiesPack.objects.filter(pk=pack_id).update(done=done)

        laid_out = pdf.render_pack(pack, case_studies, progress)
    except Exception as exc:
        logger.exception("Case studies pack %s failed", pack_id)
        with transaction.atomic():
            CaseStudiesPack.objects.filter(pk=pack_id).update(
                state=CaseStudiesPack.State.FAILED,
                error=str(exc)[:2000],
                finished_at=timezone.now(),
            )
            pack.refresh_from_db()
            audit_record(by=BUILDER, action="pack.failed", target=pack, reason=str(exc)[:300])
        return pack
    pack.refresh_from_db()
    pack.file.save(
        f"{slugify(pack.title) or 'case-studies-pack'}.pdf", ContentFile(laid_out), save=False
    )
    pack.state = CaseStudiesPack.State.READY
    pack.done = pack.total = len(case_studies)
    pack.finished_at = timezone.now()
    with transaction.atomic():
        pack.save(update_fields=["file", "state", "done", "total", "finished_at"])
        audit_record(by=BUILDER, action="pack.built", target=pack)
    return pack
