"""Everything the network holds about one person, read from every app without importing one.

Three kinds of record are found:
- the person's own row, its history, and their account;
- every row of every model with a foreign key to the person or to their account (found from the
  models' fields, so a new app's records are included without registering them), and the audit
  entries about them;
- rows that copy their details as text, matched by email address (`register_copied_details`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import FileField, ForeignKey, Model, Q, QuerySet

from coopnet.accounts.erasure import account_addresses
from coopnet.core.audit.models import AuditEntry
from coopnet.core.personal_data import copied_details, is_secret

from ..models import Person, SubjectAccessExport


@dataclass(frozen=True)
class Subject:
    """The person an export or an erasure is about, with every address they have used."""

    person: Person
    emails: frozenset[str]

    @property
    def user(self) -> Any:
        return self.person.user


def subject_of(person: Person) -> Subject:
    emails = {person.email.lower()} if person.email else set()
    if person.user is not None:
        emails |= account_addresses(person.user)
    return Subject(person=person, emails=frozenset(emails))


@dataclass(frozen=True)
class Source:
    """One kind of record about a person: its name in the export and how its rows are found."""

    key: str
    rows: Callable[[Subject], QuerySet[Any]]


def _is_history(model: type[Model]) -> bool:
    return (model._meta.model_name or "").startswith("historical") and hasattr(model, "history_id")


# Rows that are the export itself (the file it is building is not information about anyone).
SKIPPED = {SubjectAccessExport._meta.label_lower}


def _linked(model: type[Model], field: str) -> Source:
    def rows(subject: Subject) -> QuerySet[Any]:
        target = field_target(model, field)
        if target is Person:
            return model._default_manager.filter(**{field: subject.person})
        if subject.user is None:
            return model._default_manager.none()
        return model._default_manager.filter(**{field: subject.user})

    return Source(f"{model._meta.label_lower}.{field}", rows)


def field_target(model: type[Model], field: str) -> Any:
    return model._meta.get_field(field).related_model


def linked_fields() -> list[tuple[type[Model], str]]:
    """Every (model, field) that points at a person or an account, outside the histories."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        if _is_history(model) or model._meta.label_lower in SKIPPED or model is Person:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, ForeignKey) and field.related_model in (Person, user_model):
                found.append((model, field.name))
    return sorted(found, key=lambda mf: (mf[0]._meta.label_lower, mf[1]))


def _own(subject: Subject) -> QuerySet[Any]:
    return Person.objects.filter(pk=subject.person.pk)


def _history(subject: Subject) -> QuerySet[Any]:
    return Person.history.filter(id=subject.person.pk).order_by("history_date")


def _account(subject: Subject) -> QuerySet[Any]:
    user_model = get_user_model()
    return user_model._default_manager.filter(pk=subject.person.user_id or 0)


def about_filter(subject: Subject) -> Q:
    """The audit entries whose records include the person or their account."""
    query = Q(
        subjects__content_type=ContentType.objects.get_for_model(Person),
        subjects__object_id=subject.person.pk,
    )
    if subject.person.user_id:
        query |= Q(
            subjects__content_type=ContentType.objects.get_for_model(get_user_model()),
            subjects__object_id=subject.person.user_id,
        )
    return query


def _audit_about(subject: Subject) -> QuerySet[Any]:
    return AuditEntry.objects.filter(about_filter(subject)).distinct().order_by("at", "pk")


def _copied(model_label: str, match: str) -> Source:
    def rows(subject: Subject) -> QuerySet[Any]:
        for copied in copied_details():
            if copied.model.lower() == model_label and copied.match == match:
                return copied.rows(subject.emails)
        raise LookupError(model_label)

    return Source(f"{model_label}.{match} (copied)", rows)


def sources() -> list[Source]:
    """Every kind of record an export reads, in a stable order."""
    found = [
        Source("members.person", _own),
        Source("members.person (history)", _history),
        Source("accounts.user", _account),
        Source("core.auditentry (about)", _audit_about),
    ]
    found += [_linked(model, field) for model, field in linked_fields()]
    found += [_copied(c.model.lower(), c.match) for c in copied_details()]
    return found


def row_values(row: Model) -> dict[str, Any]:
    """A row as plain values: every field but the secrets, a link as the linked row's id."""
    values: dict[str, Any] = {"record": str(row)}
    for field in row._meta.concrete_fields:
        if is_secret(type(row), field.name):
            continue
        value = getattr(row, field.attname)
        if isinstance(field, FileField):
            value = value.name if value else ""
        values[field.attname if field.is_relation else field.name] = value
    return values


def rows_of(source: Source, subject: Subject) -> Iterator[dict[str, Any]]:
    for row in source.rows(subject).iterator(chunk_size=500):
        yield row_values(row)
