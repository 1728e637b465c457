"""Importing organisations from CSV. Councils match on la_code, everything else on slug.

Columns are documented in docs/importing.md. A column left out of the file leaves that field as
it is on organisations that already exist; a column present with an empty cell clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor

from ..models import (
    COUNCIL_KINDS,
    LocalAuthority,
    Membership,
    Organisation,
    OrganisationKind,
)
from ..rules_of_membership import period_errors
from .base import (
    CREATE,
    UNCHANGED,
    UPDATE,
    ImportReport,
    RowForm,
    RowOutcome,
    YesNoField,
    form_errors,
    run_import,
    save_rows,
)
from .csvio import CsvTable, RowError

REQUIRED = ("slug", "name", "kind")
OPTIONAL = (
    "la_code",
    "area_la_code",
    "website",
    "email",
    "phone",
    "description",
    "registered_id",
    "is_public",
    "address",
)
COLUMNS = REQUIRED + OPTIONAL
PLAIN_FIELDS = ("website", "email", "phone", "description", "registered_id", "is_public", "address")


def authority_errors(kind: str, authority: LocalAuthority | None) -> list[str]:
    """Why an organisation of this kind may not be (or must be) this local authority itself."""
    if kind in COUNCIL_KINDS and authority is None:
        return [
            _("A %(kind)s must be linked to its local authority.")
            % {"kind": OrganisationKind(kind).label.lower()}
        ]
    if authority is None:
        return []
    if kind not in COUNCIL_KINDS:
        return [
            _(
                "Only a principal council or a combined authority is itself a local authority; "
                "give the council area instead."
            )
        ]
    if (kind == OrganisationKind.COMBINED_AUTHORITY) != authority.is_combined_authority:
        return [
            _("%(authority)s is a %(type)s, not a %(kind)s.")
            % {
                "authority": authority.official_name,
                "type": authority.la_type_name.lower(),
                "kind": OrganisationKind(kind).label.lower(),
            }
        ]
    return []


class OrganisationRowForm(RowForm):
    slug = forms.SlugField(max_length=120)
    name = forms.CharField(max_length=200)
    kind = forms.CharField(max_length=32)
    la_code = forms.CharField(max_length=8, required=False)
    area_la_code = forms.CharField(max_length=8, required=False)
    website = forms.URLField(max_length=200, required=False, assume_scheme="https")
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=40, required=False)
    description = forms.CharField(required=False)
    registered_id = forms.CharField(max_length=60, required=False)
    is_public = YesNoField(default=True)
    address = forms.CharField(required=False)

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"].lower()
        if kind not in OrganisationKind.values:
            raise ValidationError(
                _("Unknown kind “%(value)s”. The kinds are: %(kinds)s.")
                % {"value": kind, "kinds": ", ".join(OrganisationKind.values)}
            )
        return kind

    def clean_la_code(self) -> str:
        return self.cleaned_data["la_code"].upper()

    def clean_area_la_code(self) -> str:
        return self.cleaned_data["area_la_code"].upper()


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    instance: Organisation | None
    action: str


class OrganisationPlan:
    """Every row checked against the reference table, the registry and the other rows."""

    def __init__(self, table: CsvTable, lock: bool) -> None:
        self.columns = set(table.columns)
        self.errors: list[RowError] = []
        self.outcomes: list[RowOutcome] = []
        self.rows: list[_Row] = []
        self.seen: dict[str, dict[Any, int]] = {"slug": {}, "la_code": {}, "pk": {}}
        cleaned = self._clean(table)
        self._load(cleaned, lock)
        for number, data in cleaned:
            self._plan_row(number, data)
        self._check_kind_changes()

    def _clean(self, table: CsvTable) -> list[tuple[int, dict[str, Any]]]:
        cleaned = []
        for row in table.rows:
            form = OrganisationRowForm(row.values)
            if form.is_valid():
                cleaned.append((row.number, form.cleaned_data))
            else:
                self.errors += form_errors(form, row.number)
        return cleaned

    def _load(self, cleaned: list[tuple[int, dict[str, Any]]], lock: bool) -> None:
        codes = {d[c] for _n, d in cleaned for c in ("la_code", "area_la_code")} - {""}
        self.authorities = LocalAuthority.objects.in_bulk(codes)
        slugs = {d["slug"] for _n, d in cleaned}
        existing = Organisation.objects.filter(Q(slug__in=slugs) | Q(local_authority_id__in=codes))
        if lock:
            existing = existing.select_for_update(of=("self",))
        self.by_slug = {o.slug: o for o in existing}
        self.by_code = {
            o.local_authority_id: o for o in self.by_slug.values() if o.local_authority_id
        }

    def _plan_row(self, number: int, data: dict[str, Any]) -> None:
        errors = self._reference_errors(number, data) + self._duplicate_errors(number, data)
        instance = None
        if not errors:
            instance, errors = self._match(number, data)
        if errors:
            self.errors += errors
            return
        values = self._values(data)
        action = CREATE
        if instance is not None:
            changed = any(getattr(instance, k) != v for k, v in values.items())
            action = UPDATE if changed else UNCHANGED
        self.rows.append(_Row(number, values, instance, action))
        self.outcomes.append(RowOutcome(number, action, f"{data['name']} ({data['slug']})"))

    def _reference_errors(self, number: int, data: dict[str, Any]) -> list[RowError]:
        errors = [
            RowError(
                number, column, _("No UK local authority has the code “%(code)s”.") % {"code": code}
            )
            for column in ("la_code", "area_la_code")
            if (code := data[column]) and code not in self.authorities
        ]
        if not errors and ("la_code" in self.columns or data["kind"] in COUNCIL_KINDS):
            authority = self.authorities.get(data["la_code"])
            errors += [
                RowError(number, "la_code", m) for m in authority_errors(data["kind"], authority)
            ]
        return errors

    def _duplicate_errors(self, number: int, data: dict[str, Any]) -> list[RowError]:
        errors = []
        for column in ("slug", "la_code"):
            value, seen = data[column], self.seen[column]
            if value and value in seen:
                errors.append(
                    RowError(
                        number,
                        column,
                        _("“%(value)s” is already in row %(other)d of this file.")
                        % {"value": value, "other": seen[value]},
                    )
                )
            elif value:
                seen[value] = number
        return errors

    def _match(
        self, number: int, data: dict[str, Any]
    ) -> tuple[Organisation | None, list[RowError]]:
        code = data["la_code"]
        by_code = self.by_code.get(code) if code else None
        by_slug = self.by_slug.get(data["slug"])
        if by_code is not None and by_slug is not None and by_code.pk != by_slug.pk:
            message = _("The slug “%(slug)s” belongs to %(other)s, not to %(name)s.") % {
                "slug": data["slug"],
                "other": by_slug.name,
                "name": by_code.name,
            }
            return None, [RowError(number, "slug", message)]
        if by_code is None and by_slug is not None and code and by_slug.local_authority_id:
            message = _("%(name)s is linked to local authority %(code)s.") % {
                "name": by_slug.name,
                "code": by_slug.local_authority_id,
            }
            return None, [RowError(number, "la_code", message)]
        instance = by_code or by_slug
        if instance is not None and instance.pk in self.seen["pk"]:
            message = _("This row is the same organisation as row %(other)d.") % {
                "other": self.seen["pk"][instance.pk]
            }
            return None, [RowError(number, "slug", message)]
        if instance is not None:
            self.seen["pk"][instance.pk] = number
        return instance, []

    def _values(self, data: dict[str, Any]) -> dict[str, Any]:
        values = {f: data[f] for f in REQUIRED}
        values |= {f: data[f] for f in PLAIN_FIELDS if f in self.columns}
        if "la_code" in self.columns:
            values["local_authority_id"] = data["la_code"] or None
        if "area_la_code" in self.columns:
            values["area_authority_id"] = data["area_la_code"] or None
        return values

    def _check_kind_changes(self) -> None:
        """An organisation may not change to a kind that cannot hold the memberships it has."""
        changing = {
            r.instance.pk: r
            for r in self.rows
            if r.instance and r.values["kind"] != r.instance.kind
        }
        if not changing:
            return
        reported: set[int] = set()
        memberships = Membership.objects.filter(organisation_id__in=changing).select_related(
            "category"
        )
        for m in memberships.order_by("start"):
            row = changing[m.organisation_id]  # type: ignore[index]
            problems = period_errors(
                category=m.category,
                holder_kind=row.values["kind"],
                start=m.start,
                end=m.end,
                other_periods=(),
            )
            if problems and row.number not in reported:
                reported.add(row.number)
                self.errors += [RowError(row.number, "kind", p) for p in problems]

    def apply(self, by: Actor) -> None:
        save_rows(
            (
                (row.instance or Organisation(), row.values)
                for row in self.rows
                if row.action != UNCHANGED
            ),
            by,
        )


def organisations_import(*, data: bytes, by: Actor, dry_run: bool = False) -> ImportReport:
    """Create or update organisations from CSV bytes: every row, or none if any is wrong."""
    return run_import(
        data,
        required=REQUIRED,
        optional=OPTIONAL,
        planner=OrganisationPlan,
        by=by,
        dry_run=dry_run,
    )
