"""Deleting a draft case study: its author changes their mind before anyone else has seen it.

Only a draft that has never been submitted or published may go; a published case study stays
(staff unpublish it instead), so nothing public disappears. The audit trail keeps a line saying
who deleted which draft; its files leave the storage once the deletion has committed.
"""

from __future__ import annotations

from django.core.files.storage import Storage
from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.guard import require

from ..errors import KnowledgeError
from ..models import CaseStudy
from .case_studies import _audit, _locked


def _files_of(case_study: CaseStudy) -> list[tuple[Storage, str]]:
    images = [(i.image.storage, i.image.name or "") for i in case_study.images.all() if i.image]
    files = [(a.file.storage, a.file.name or "") for a in case_study.attachments.all() if a.file]
    return [(storage, name) for storage, name in images + files if name]


@transaction.atomic
def case_study_delete(*, case_study: CaseStudy, by: Actor) -> None:
    """Delete a draft that was never sent for review or published (its author, or staff)."""
    case_study = _locked(case_study)
    require(by, "knowledge.delete_case_study", case_study)
    if case_study.state != CaseStudy.State.DRAFT:
        raise KnowledgeError(
            _(
                "Only a draft that has not been sent for review can be deleted. A published "
                "case study is not deleted: ask the network to unpublish it."
            )
        )
    files = _files_of(case_study)
    _audit(
        by,
        "case_study.deleted",
        case_study,
        summary=_("Draft case study “%(title)s” deleted") % {"title": case_study.title},
    )
    with acting_as(by):
        case_study.delete()

    def remove_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
