from __future__ import annotations

from django_tasks import task


@task()
def build_case_studies_pack(*, pack_id: int) -> None:
    """Lay out a Case Studies Pack as a PDF (progress is saved on the pack as it goes)."""
    from .services import pack_build

    pack_build(pack_id=pack_id)
