"""Background work of a person's data rights. Services queue the task on commit; this module
never imports the services."""

from __future__ import annotations

from django_tasks import task

from .exports import export_build


@task()
def build_subject_access_export(*, export_id: int) -> None:
    """Read everything held about a person into a file (progress is saved as it goes)."""
    export_build(export_id=export_id)
