"""Writes of a person's data rights: asking for a subject-access export, handing it over once,
and erasing a person by anonymisation. Each checks its permission again (the views check first)."""

from __future__ import annotations

import json
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.erasure import account_erase
from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.audit.models import AuditEntry, AuditSubject
from coopnet.core.guard import require
from coopnet.core.personal_data import CopiedDetails, copied_details

from ..errors import MembersError
from ..models import Person, SubjectAccessExport
from .records import Subject, about_filter, subject_of
from .tasks import build_subject_access_export

PERM = "members.handle_personal_data"
State = SubjectAccessExport.State
REASON_MAX = 300


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise MembersError(_("Say what the request is (who asked, and when)."), field="reason")
    if len(reason) > REASON_MAX:
        raise MembersError(
            _("Keep the request to %(n)d characters.") % {"n": REASON_MAX}, field="reason"
        )
    return reason


@transaction.atomic
def access_export_request(*, person: Person, by: Actor, reason: str) -> SubjectAccessExport:
    """Record the request and queue the export that reads every record (once this commits)."""
    require(by, PERM, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        raise MembersError(_("This person's details were erased: there is nothing to export."))
    reason = _reason(reason)
    export = SubjectAccessExport.objects.create(
        person=person, reason=reason, requested_by=user_of(by)
    )
    audit_record(
        by=by, action="personal_data.export_requested", target=export, about=[person], reason=reason
    )
    transaction.on_commit(lambda: build_subject_access_export.enqueue(export_id=export.pk))
    return export


@transaction.atomic
def access_export_take(*, export: SubjectAccessExport, by: Actor) -> tuple[str, bytes]:
    """Hand the export over, once: its bytes are returned and its file deleted in the same step,
    so a second request finds nothing (two at once: the row lock lets one through)."""
    require(by, PERM, export.person)
    export = SubjectAccessExport.objects.select_for_update(of=("self",)).get(pk=export.pk)
    if export.state == State.DOWNLOADED:
        raise MembersError(
            _("This export was downloaded on %(when)s and then deleted. Prepare a new one.")
            % {"when": timezone.localtime(export.downloaded_at).strftime("%d/%m/%Y %H:%M")}
        )
    if export.state != State.READY or not export.file:
        raise MembersError(_("This export is not ready to download."))
    with export.file.open("rb") as handle:
        data = handle.read()
    name = f"subject-access-export-{export.pk}.zip"
    _delete_after_commit(export)
    export.state = State.DOWNLOADED
    export.downloaded_at = timezone.now()
    export.downloaded_by = user_of(by)
    export.save(update_fields=["file", "state", "downloaded_at", "downloaded_by"])
    audit_record(by=by, action="personal_data.export_downloaded", target=export)
    return name, data


def _delete_after_commit(export: SubjectAccessExport) -> None:
    """Forget the export's file now and delete it from storage once the change is committed
    (a rolled-back change keeps it)."""
    storage, name = export.file.storage, export.file.name
    export.file = None
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- erasure -------------------------------------------------------------------------------------

PERSON_ERASED_FIELDS = {
    "honorific": "",
    "post_nominals": "",
    "email": "",
    "phone": "",
    "language": "",
    "is_public": False,
    "consent_to_contact": False,
    "consent_recorded_at": None,
}


def _history_model(model: type[Model]) -> Any:
    history = getattr(model, "history", None)
    return getattr(history, "model", None)


def _erase_copied(copied: CopiedDetails, subject: Subject) -> int:
    """Replace the person's copied details on each matching row and in the rows' history."""
    changed = 0
    for row in copied.rows(subject.emails):
        values = copied.values_for(row)
        type(row)._default_manager.filter(pk=row.pk).update(**values)
        history = _history_model(type(row))
        if history is not None:
            history.objects.filter(id=row.pk).update(**values)
        changed += 1
    return changed


def _scrub(text: str, names: list[str], label: str) -> str:
    for name in names:
        text = text.replace(name, label)
    return text


def _erase_audit(subject: Subject, names: list[str], label: str) -> int:
    """The audit trail keeps what was done and when; the person's name and addresses in what
    its entries say are replaced by the erased label."""
    entries = AuditEntry.objects.filter(about_filter(subject)).distinct()
    count = 0
    for entry in entries.iterator(chunk_size=500):
        changes = json.loads(
            _scrub(json.dumps(entry.changes), [json.dumps(n)[1:-1] for n in names], label)
        )
        AuditEntry.objects.filter(pk=entry.pk).update(
            summary=_scrub(entry.summary, names, label)[:300],
            reason=_scrub(entry.reason, names, label),
            changes=changes,
        )
        count += 1
    for subject_row in AuditSubject.objects.filter(entry__in=entries):
        scrubbed = _scrub(subject_row.label, names, label)
        if scrubbed != subject_row.label:
            AuditSubject.objects.filter(pk=subject_row.pk).update(label=scrubbed[:300])
    return count


@transaction.atomic
def person_erase(*, person: Person, by: Actor, reason: str, confirm: str) -> dict[str, int]:
    """Erase a person: their name, addresses and telephone go from every record, which keep their
    shape (an election's electors, a grant's contacts, an invoice, a supplier's application).
    Their account can no longer sign in; any export of their data is deleted. Irreversible.
    Returns how many records of each kind were changed."""
    require(by, PERM, person)
    person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
    if person.erased_at is not None:
        raise MembersError(_("This person's details were erased already."))
    acting = user_of(by)
    if acting is not None and person.user_id == acting.pk:
        raise MembersError(_("You cannot erase yourself; ask another network admin."))
    if confirm.strip().casefold() != person.full_name.strip().casefold():
        raise MembersError(
            _("Type the person's full name exactly as shown to confirm."), field="confirm"
        )
    reason = _reason(reason)
    subject = subject_of(person)
    label = _("Erased person")
    names = sorted(
        {n for n in (person.display_name, person.full_name, *subject.emails) if n},
        key=len,
        reverse=True,
    )
    if person.user is not None:
        names += [n for n in (person.user.full_name, str(person.user)) if n and n not in names]
    counts: dict[str, int] = {}
    with acting_as(by):
        for copied in copied_details():
            counts[f"{copied.model.lower()}.{copied.match}"] = _erase_copied(copied, subject)
        counts["core.auditentry"] = _erase_audit(subject, names, label)
        for export in person.access_exports.exclude(file=""):
            _delete_after_commit(export)
            export.save(update_fields=["file"])
        person.access_exports.filter(state__in=(State.QUEUED, State.BUILDING, State.READY)).update(
            state=State.EXPIRED
        )
        if person.user is not None:
            account_erase(user=person.user)
        for field, value in PERSON_ERASED_FIELDS.items():
            setattr(person, field, value)
        person.full_name = label
        person.slug = f"erased-{person.pk}"
        person.erased_at = timezone.now()
        person.save()
        erased = {**PERSON_ERASED_FIELDS, "full_name": label, "slug": person.slug}
        Person.history.filter(id=person.pk).update(**erased)
        audit_record(
            by=by,
            action="person.erased",
            target=person,
            summary=_("Personal details erased"),
            reason=reason,
            changes={"records_changed": counts},
        )
    return counts
