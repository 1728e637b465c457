"""Importing case studies from CSV or Excel (.xlsx). Rows match existing case studies on slug
(given, or made from the title).

Follows the registry's importers (coopnet.members.importing): every row is checked first, and the
whole file is written in one transaction or not at all; errors name the row and the column.
Columns are documented in docs/knowledge.md. A column left out of the file leaves that field as
it is on case studies that already exist.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coopnet.core import csvfiles
from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.models import Principle
from coopnet.members.importing.base import (
    CREATE,
    UNCHANGED,
    UPDATE,
    ImportReport,
    RowForm,
    RowOutcome,
    YesNoField,
    form_errors,
    run_import,
)
from coopnet.members.importing.csvio import CsvFileError, CsvTable, RowError, cell_text
from coopnet.members.models import Organisation

from . import services
from .models import Action, CaseStudy, CaseStudyDecision, CaseStudyLink, Theme
from .richtext import missing_alt, sanitise
from .services.case_studies import CaseStudyDetails, contact_problems_in
from .services.search import refresh_search

REQUIRED = ("title", "summary", "lead", "year")
OPTIONAL = (
    "slug",
    "body",
    "participants",
    "status",
    "principles",
    "themes",
    "actions",
    "links",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_consent",
    "state",
)
STATES = (CaseStudy.State.DRAFT, CaseStudy.State.PUBLISHED)
PLAIN = ("title", "summary", "year", "status", "contact_name", "contact_role", "contact_email")
MANY = {"participants": "participants", "principles": "principles", "themes": "themes"}
XLSX_MAGIC = b"PK\x03\x04"


def split_list(text: str) -> list[str]:
    """'a; b, c' -> ['a', 'b', 'c']"""
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


class CaseStudyRowForm(RowForm):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(max_length=600)
    lead = forms.SlugField(max_length=120)
    year = forms.IntegerField(min_value=1990)
    slug = forms.SlugField(max_length=200, required=False)
    body = forms.CharField(required=False)
    participants = forms.CharField(required=False)
    status = forms.CharField(required=False)
    principles = forms.CharField(required=False)
    themes = forms.CharField(required=False)
    actions = forms.CharField(required=False)
    links = forms.CharField(required=False)
    contact_name = forms.CharField(max_length=200, required=False)
    contact_role = forms.CharField(max_length=200, required=False)
    contact_email = forms.EmailField(required=False)
    contact_consent = YesNoField(default=False)
    state = forms.CharField(required=False)

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year + 1:
            raise ValidationError(_("The year is in the future."))
        return year

    def clean_status(self) -> str:
        status = (self.cleaned_data["status"] or CaseStudy.Status.COMPLETED).lower()
        if status not in CaseStudy.Status.values:
            raise ValidationError(
                _("Unknown status “%(value)s”. The statuses are: %(values)s.")
                % {"value": status, "values": ", ".join(CaseStudy.Status.values)}
            )
        return status

    def clean_state(self) -> str:
        state = (self.cleaned_data["state"] or CaseStudy.State.PUBLISHED).lower()
        if state not in STATES:
            raise ValidationError(
                _("Write draft or published, not “%(value)s”.") % {"value": state}
            )
        return state

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if missing_alt(sanitise(body).html):
            raise ValidationError(_('Every image in the story needs alt text (alt="...").'))
        return body

    def clean_links(self) -> list[tuple[str, str]]:
        links = []
        url_field = forms.URLField(assume_scheme="https")
        for line in (self.cleaned_data["links"] or "").splitlines():
            if not line.strip():
                continue
            text, bar, url = line.rpartition("|")
            if not bar or not text.strip():
                raise ValidationError(
                    _("Write each link on its own line as: text | https://address")
                )
            links.append((text.strip()[:200], url_field.clean(url.strip())))
        return links

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field, problem in contact_problems_in(data).items():
            self.add_error(field, problem)
        return data


@dataclass
class _Row:
    number: int
    data: dict[str, Any]
    instance: CaseStudy | None
    action: str


class CaseStudyPlan:
    """Every row checked against the registry, the reference lists and the other rows."""

    def __init__(self, table: CsvTable, lock: bool) -> None:
        self.columns = set(table.columns)
        self.errors: list[RowError] = []
        self.outcomes: list[RowOutcome] = []
        self.rows: list[_Row] = []
        self.seen: dict[str, int] = {}
        cleaned = self._clean(table)
        self._load(cleaned, lock)
        for number, data in cleaned:
            self._plan_row(number, data)

    def _clean(self, table: CsvTable) -> list[tuple[int, dict[str, Any]]]:
        cleaned = []
        for row in table.rows:
            form = CaseStudyRowForm(row.values)
            if form.is_valid():
                data = form.cleaned_data
                data["slug"] = data["slug"] or slugify(data["title"])[:200]
                cleaned.append((row.number, data))
            else:
                self.errors += form_errors(form, row.number)
        return cleaned

    def _load(self, cleaned: list[tuple[int, dict[str, Any]]], lock: bool) -> None:
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self.principles = {
            p.slug: p for p in Principle.objects.filter(family=Principle.Family.NETWORK)
        }
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.actions = {a.slug: a for a in Action.objects.all()}
        existing = CaseStudy.objects.filter(slug__in={d["slug"] for _n, d in cleaned})
        if lock:
            existing = existing.select_for_update(of=("self",))
        self.by_slug = {
            c.slug: c
            for c in existing.prefetch_related(
                "participants", "principles", "themes", "actions", "links"
            )
        }

    def _lookup(
        self, number: int, column: str, values: list[str], known: dict[str, Any], what: str
    ) -> tuple[list[Any], list[RowError]]:
        found = [known[v] for v in values if v in known]
        missing = [v for v in values if v not in known]
        errors = [
            RowError(
                number,
                column,
                _("No %(what)s has the slug “%(slug)s”.") % {"what": what, "slug": slug},
            )
            for slug in missing
        ]
        return found, errors

    def _plan_row(self, number: int, data: dict[str, Any]) -> None:
        errors: list[RowError] = []
        lead = self.organisations.get(data["lead"])
        if lead is None:
            errors.append(
                RowError(
                    number,
                    "lead",
                    _("No organisation has the slug “%(slug)s”.") % {"slug": data["lead"]},
                )
            )
        resolved: dict[str, Any] = {"lead_organisation": lead}
        for column, known, what in (
            ("participants", self.organisations, _("organisation")),
            ("principles", self.principles, _("network principle")),
            ("themes", self.themes, _("theme")),
            ("actions", self.actions, _("Being a Co-operative Council action")),
        ):
            found, problems = self._lookup(
                number, column, split_list(data[column]), known, str(what)
            )
            resolved[column] = found
            errors += problems
        if data["slug"] in self.seen:
            errors.append(
                RowError(
                    number,
                    "slug",
                    _("“%(value)s” is already in row %(other)d of this file.")
                    % {"value": data["slug"], "other": self.seen[data["slug"]]},
                )
            )
        self.seen.setdefault(data["slug"], number)
        if errors:
            self.errors += errors
            return
        data = {**data, **resolved}
        instance = self.by_slug.get(data["slug"])
        action = (
            CREATE if instance is None else (UPDATE if self._differs(instance, data) else UNCHANGED)
        )
        self.rows.append(_Row(number, data, instance, action))
        self.outcomes.append(RowOutcome(number, action, f"{data['title']} ({data['slug']})"))

    def _differs(self, instance: CaseStudy, data: dict[str, Any]) -> bool:
        if any(
            getattr(instance, f) != data[f] for f in PLAIN if f in self.columns or f in REQUIRED
        ):
            return True
        if instance.lead_organisation_id != data["lead_organisation"].pk:
            return True
        if "body" in self.columns and instance.body_html != sanitise(data["body"]).html:
            return True
        if (
            "contact_consent" in self.columns
            and instance.contact_consent != data["contact_consent"]
        ):
            return True
        if "state" in self.columns and instance.state != data["state"]:
            return True
        for column in (*MANY, "actions"):
            if column in self.columns:
                current = {o.pk for o in getattr(instance, column).all()}
                if current != {o.pk for o in data[column]}:
                    return True
        if "links" in self.columns:
            return [(link.title, link.url) for link in instance.links.all()] != data["links"]
        return False

    def _service_data(self, data: dict[str, Any], creating: bool) -> dict[str, Any]:
        present = set(PLAIN) if creating else self.columns | set(REQUIRED)
        values = {f: data[f] for f in PLAIN if f in present}
        values["lead_organisation"] = data["lead_organisation"]
        if "body" in self.columns:
            values["body"] = data["body"]
        if "contact_consent" in self.columns:
            values["contact_consent"] = data["contact_consent"]
        for column in (*MANY, "actions"):
            if column in self.columns:
                values[column] = data[column]
        return values

    def apply(self, by: Actor) -> None:
        with acting_as(by):
            for row in self.rows:
                if row.action != UNCHANGED:
                    self._apply_row(row, by)

    def _apply_row(self, row: _Row, by: Actor) -> None:
        values = self._service_data(row.data, creating=row.instance is None)
        if row.instance is None:
            details = CaseStudyDetails.of({**values, "slug": row.data["slug"]})
            case_study = services.case_study_create(by=by, details=details)
        else:
            case_study = services.case_study_update(
                case_study=row.instance, by=by, details=CaseStudyDetails.of(values)
            )
        if "links" in self.columns:
            case_study.links.all().delete()
            CaseStudyLink.objects.bulk_create(
                CaseStudyLink(case_study=case_study, title=t, url=u, order=i)
                for i, (t, u) in enumerate(row.data["links"])
            )
        self._apply_state(case_study, row.data, by)

    def _apply_state(self, case_study: CaseStudy, data: dict[str, Any], by: Actor) -> None:
        wanted = data["state"] if "state" in self.columns else CaseStudy.State.PUBLISHED
        if case_study.state == wanted or (
            "state" not in self.columns and case_study.state != CaseStudy.State.DRAFT
        ):
            return
        case_study.state = wanted
        if wanted == CaseStudy.State.PUBLISHED:
            case_study.published_at = case_study.published_at or timezone.now()
            step = CaseStudyDecision.Step.PUBLISHED
        else:
            step = CaseStudyDecision.Step.UNPUBLISHED
        case_study.save()
        comment = _("Imported from a file.")
        CaseStudyDecision.objects.create(
            case_study=case_study, step=step, by=user_of(by), comment=comment
        )
        audit_record(
            by=by,
            action=f"case_study.{step}",
            target=case_study,
            about=[case_study.lead_organisation],
            reason=comment,
        )
        refresh_search(case_study)


def xlsx_to_csv(data: bytes) -> bytes:
    """The first sheet of an Excel workbook as CSV bytes (values, not formulas), so an .xlsx goes
    through exactly the same checks as a .csv."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CsvFileError.about_file(_("The file is not an Excel workbook (.xlsx).")) from exc
    sheet = workbook.worksheets[0]
    out = io.StringIO()
    writer = csvfiles.writer(out)
    for row in sheet.iter_rows(values_only=True):
        writer.writerow([_cell(value) for value in row])
    workbook.close()
    return out.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):  # a datetime: its date
        return value.date().isoformat()
    return cell_text(value)


def case_studies_import(
    *, data: bytes, by: Actor, dry_run: bool = False, name: str = ""
) -> ImportReport:
    """Create or update case studies from CSV or .xlsx bytes: every row, or none if any is wrong.

    `by` is the person importing, or `System("import_case_studies")` for the command."""
    require(by, "knowledge.import_case_studies")
    if name.lower().endswith(".xlsx") or data.startswith(XLSX_MAGIC):
        try:
            data = xlsx_to_csv(data)
        except CsvFileError as exc:
            return ImportReport(dry_run=dry_run, errors=exc.errors)
    return run_import(
        data,
        required=REQUIRED,
        optional=OPTIONAL,
        planner=CaseStudyPlan,
        by=by,
        dry_run=dry_run,
    )
