"""Building a subject-access export: the background work its task runs.

The file is a ZIP of `person.json` (every kind of record, each with its rows) and one CSV per
kind of record that has rows, written through the project's CSV writer (formulas escaped).
Progress is saved after each kind of record. Services queue the task on commit (through
`tasks`); this module imports neither.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.csvfiles import write_table

from ..models import SubjectAccessExport
from .records import rows_of, sources, subject_of

logger = logging.getLogger(__name__)
BUILDER = System("build_subject_access_export")
State = SubjectAccessExport.State


def _start(export_id: int) -> SubjectAccessExport | None:
    with transaction.atomic():
        export = (
            SubjectAccessExport.objects.select_for_update(of=("self",))
            .select_related("person__user")
            .get(pk=export_id)
        )
        if export.state != State.QUEUED:
            return None  # built already, or being built by another worker
        export.state = State.BUILDING
        export.done = 0
        export.total = len(sources())
        export.save(update_fields=["state", "done", "total"])
        return export


def csv_name(key: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "-" for c in key).strip("-") + ".csv"


def _archive(export: SubjectAccessExport) -> tuple[bytes, int]:
    subject = subject_of(export.person)
    found: dict[str, list[dict[str, Any]]] = {}
    for n, source in enumerate(sources(), start=1):
        found[source.key] = list(rows_of(source, subject))
        SubjectAccessExport.objects.filter(pk=export.pk).update(done=n)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        document = {
            "person": export.person.display_name,
            "generated_at": timezone.now(),
            "request": export.reason,
            "email_addresses_searched": sorted(subject.emails),
            "records": found,
        }
        archive.writestr(
            "person.json", json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        for key, rows in found.items():
            if not rows:
                continue
            columns = list(dict.fromkeys(column for row in rows for column in row))
            text = io.StringIO()
            write_table(text, columns, rows)
            archive.writestr(csv_name(key), "\ufeff" + text.getvalue())
    return buffer.getvalue(), sum(len(rows) for rows in found.values())


def export_build(*, export_id: int) -> SubjectAccessExport:
    """Read every record about the person into the export's file; run by the background task."""
    with acting_as(BUILDER):
        export = _start(export_id)
        if export is None:
            return SubjectAccessExport.objects.get(pk=export_id)
        try:
            data, rows = _archive(export)
        except Exception as exc:
            logger.exception("Subject-access export %s failed", export_id)
            with transaction.atomic():
                SubjectAccessExport.objects.filter(pk=export_id).update(
                    state=State.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
                )
                export.refresh_from_db()
                audit_record(by=BUILDER, action="personal_data.export_failed", target=export)
            return export
        export.refresh_from_db()
        export.file.save(f"subject-access-{export.pk}.zip", ContentFile(data), save=False)
        export.state = State.READY
        export.rows = rows
        export.done = export.total
        export.finished_at = timezone.now()
        with transaction.atomic():
            current = SubjectAccessExport.objects.select_for_update().get(pk=export.pk)
            if current.state != State.BUILDING:  # the person was erased meanwhile
                export.file.delete(save=False)
                return current
            export.save(update_fields=["file", "state", "rows", "done", "finished_at"])
            audit_record(
                by=BUILDER,
                action="personal_data.export_built",
                target=export,
                about=[export.person],
            )
        return export
