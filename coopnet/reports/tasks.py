"""Background work of the reports. Services queue the task (on commit); the work is in
`building`, so this module never imports the services."""

from __future__ import annotations

from django_tasks import task

from .building import report_build


@task()
def build_report(*, report_id: int) -> None:
    """Lay out one generation of a document as a PDF, saving progress as it goes."""
    report_build(report_id=report_id)
