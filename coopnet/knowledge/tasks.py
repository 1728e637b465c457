"""Background work of the knowledge hub. Tasks call the work; services queue the tasks (on
commit), so this module never imports the services."""

from __future__ import annotations

from django_tasks import task

from .pack_building import pack_build


@task()
def build_case_studies_pack(*, pack_id: int) -> None:
    """Lay out a Case Studies Pack as a PDF (progress is saved on the pack as it goes)."""
    pack_build(pack_id=pack_id)
