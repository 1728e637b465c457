"""What every registry import shares: the report, the cell fields, the permission and the runner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import Audited, audit_records
from coopnet.core.guard import require

from .csvio import CsvFileError, CsvTable, RowError, parse_bool, read_table

IMPORT_PERMISSION = "members.import_registry"
CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass(frozen=True)
class RowOutcome:
    """What a valid row does (or would do, in a dry run)."""

    row: int
    action: str
    label: str

    @property
    def action_display(self) -> str:
        return {CREATE: _("Create"), UPDATE: _("Update"), UNCHANGED: _("Unchanged")}[self.action]


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    def summary(self) -> str:
        if self.errors:
            return ngettext(
                "The file was refused (%(n)d error). Nothing was written.",
                "The file was refused (%(n)d errors). Nothing was written.",
                len(self.errors),
            ) % {"n": len(self.errors)}
        counts = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
        if self.dry_run:
            return (
                _(
                    "Dry run: %(created)d to create, %(updated)d to update, %(unchanged)d "
                    "unchanged. Nothing was written."
                )
                % counts
            )
        return _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % (
            counts
        )


class Plan(Protocol):
    errors: list[RowError]
    outcomes: list[RowOutcome]

    def apply(self, by: Actor) -> None: ...


def require_import_permission(by: Actor) -> None:
    """Checked again here for the back office; commands act as `System("import_...")`."""
    require(
        by, IMPORT_PERMISSION, message=_("You do not have permission to import into the registry.")
    )


def run_import(
    data: bytes,
    *,
    required: Sequence[str],
    optional: Sequence[str],
    planner: Callable[[CsvTable, bool], Plan],
    by: Actor,
    dry_run: bool,
) -> ImportReport:
    """Read, validate every row, and write all of it in one transaction or nothing at all."""
    require_import_permission(by)
    report = ImportReport(dry_run=dry_run)
    try:
        table = read_table(data, required=required, optional=optional)
    except CsvFileError as exc:
        report.errors = exc.errors
        return report
    with transaction.atomic():
        plan = planner(table, not dry_run)
        report.errors = sorted(plan.errors, key=lambda e: (e.row or 0, e.column))
        report.outcomes = plan.outcomes
        if not report.errors and not dry_run:
            with acting_as(by):
                plan.apply(by)
            report.written = True
    return report


def form_errors(form: forms.Form, row: int) -> list[RowError]:
    return [
        RowError(row, "" if name == NON_FIELD_ERRORS else name, str(message))
        for name, messages in form.errors.items()
        for message in messages
    ]


def save_rows(rows: Iterable[tuple[Any, dict[str, Any]]], by: Actor) -> None:
    """Write each planned row (an instance and its new values) and record them all in the audit
    trail in one step; the field history is attributed to `by` through `acting_as` (see
    `run_import`)."""
    audited = []
    with acting_as(by):
        for instance, values in rows:
            created = instance.pk is None
            for name, value in values.items():
                setattr(instance, name, value)
            instance.save()
            holder = getattr(instance, "holder", None)
            audited.append(
                Audited(
                    action=f"{instance._meta.model_name}."
                    f"{'imported' if created else 'import_updated'}",
                    target=instance,
                    about=[holder] if holder is not None else [],
                    summary=_("Imported from CSV: %(record)s") % {"record": instance},
                )
            )
    audit_records(by=by, items=audited)


class RowForm(forms.Form):
    """Cleans one CSV row; field names are column names."""

    use_required_attribute = False


class YesNoField(forms.Field):
    """A cell holding yes/no (true/false, 1/0); empty means the default."""

    def __init__(self, *, default: bool, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.default = default

    def to_python(self, value: Any) -> bool:
        if value in (None, ""):
            return self.default
        parsed = parse_bool(str(value))
        if parsed is None:
            raise ValidationError(_("Write yes or no."), code="invalid")
        return parsed


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": gettext_lazy("Enter a date as YYYY-MM-DD, for example 2022-07-31.")
    }
