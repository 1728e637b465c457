"""Importing membership periods from CSV. A period is matched by its holder and start date.

The holder is an organisation (its slug, or a council's la_code) or, for an individual supporter,
a person (slug); both must already be in the registry. Every period is checked with the registry's
own rules (rules_of_membership.period_errors) against the periods already recorded, and against
the other rows of the file.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor
from coopnet.core.periods import overlaps

from ..models import Membership, MembershipCategory, Organisation, Person
from ..rules_of_membership import period_errors
from .base import (
    CREATE,
    UNCHANGED,
    UPDATE,
    ImportReport,
    IsoDateField,
    RowForm,
    RowOutcome,
    YesNoField,
    form_errors,
    run_import,
    save_rows,
)
from .csvio import CsvTable, RowError

REQUIRED = ("category", "start")
OPTIONAL = ("organisation", "person", "end", "end_reason", "source", "start_is_approximate")
COLUMNS = (
    "organisation",
    "person",
    "category",
    "start",
    "end",
    "end_reason",
    "source",
    "start_is_approximate",
)
PLAIN_FIELDS = ("end", "end_reason", "source", "start_is_approximate")

Holder = Organisation | Person
HolderKey = tuple[str, int]


class MembershipRowForm(RowForm):
    organisation = forms.CharField(max_length=120, required=False)
    person = forms.CharField(max_length=120, required=False)
    category = forms.CharField(max_length=32)
    start = IsoDateField()
    end = IsoDateField(required=False)
    end_reason = forms.CharField(max_length=300, required=False)
    source = forms.CharField(max_length=300, required=False)
    start_is_approximate = YesNoField(default=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation, person = data.get("organisation"), data.get("person")
        if organisation and person:
            self.add_error(
                "organisation",
                _("A membership belongs to an organisation or to a person, not both."),
            )
        elif not (organisation or person or self.has_error("organisation")):
            self.add_error(
                "organisation",
                _("Give the organisation (slug or la_code) or, for an individual, the person."),
            )
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        return data


@dataclass
class _Row:
    number: int
    holder: Holder
    category: MembershipCategory
    data: dict[str, Any]
    instance: Membership | None = None
    action: str = CREATE

    @property
    def key(self) -> HolderKey:
        return ("o" if isinstance(self.holder, Organisation) else "p", self.holder.pk)


class MembershipPlan:
    def __init__(self, table: CsvTable, lock: bool) -> None:
        self.columns = set(table.columns)
        self.errors: list[RowError] = []
        self.outcomes: list[RowOutcome] = []
        self.rows: list[_Row] = []
        if not self.columns & {"organisation", "person"}:
            message = _("The file needs an organisation column, a person column, or both.")
            self.errors.append(RowError(1, "organisation", message))
            return
        cleaned = self._clean(table)
        self._load(cleaned, lock)
        resolved = [r for r in (self._resolve(n, d) for n, d in cleaned) if r is not None]
        self._check_periods(self._match(resolved))
        self.outcomes.sort(key=lambda o: o.row)

    def _clean(self, table: CsvTable) -> list[tuple[int, dict[str, Any]]]:
        cleaned = []
        for row in table.rows:
            form = MembershipRowForm({c: row.values.get(c, "") for c in COLUMNS})
            if form.is_valid():
                cleaned.append((row.number, form.cleaned_data))
            else:
                self.errors += form_errors(form, row.number)
        return cleaned

    def _load(self, cleaned: list[tuple[int, dict[str, Any]]], lock: bool) -> None:
        self.categories = {c.code: c for c in MembershipCategory.objects.order_by("order")}
        refs = {d["organisation"] for _n, d in cleaned if d["organisation"]}
        codes = {r.upper() for r in refs}
        orgs = Organisation.objects.filter(Q(slug__in=refs) | Q(local_authority_id__in=codes))
        people = Person.objects.filter(slug__in={d["person"] for _n, d in cleaned if d["person"]})
        if lock:
            orgs, people = (
                orgs.select_for_update(of=("self",)),
                people.select_for_update(of=("self",)),
            )
        self.org_by_slug = {o.slug: o for o in orgs}
        self.org_by_code = {
            o.local_authority_id: o for o in self.org_by_slug.values() if o.local_authority_id
        }
        self.people = {p.slug: p for p in people}
        self.existing: dict[HolderKey, list[Membership]] = defaultdict(list)
        recorded = Membership.objects.filter(
            Q(organisation__in=list(self.org_by_slug.values()))
            | Q(person__in=list(self.people.values()))
        )
        for m in recorded.order_by("start"):
            key = ("o", m.organisation_id) if m.organisation_id else ("p", m.person_id)
            self.existing[key].append(m)  # type: ignore[index]

    def _resolve(self, number: int, data: dict[str, Any]) -> _Row | None:
        errors: list[RowError] = []
        category = self.categories.get(data["category"].lower())
        if category is None:
            message = _("Unknown category “%(value)s”. The categories are: %(codes)s.") % {
                "value": data["category"],
                "codes": ", ".join(self.categories),
            }
            errors.append(RowError(number, "category", message))
        holder: Holder | None
        if data["organisation"]:
            ref = data["organisation"]
            holder = self.org_by_slug.get(ref) or self.org_by_code.get(ref.upper())
            message = _("No organisation has the slug or la_code “%(value)s”.")
            column = "organisation"
        else:
            ref = data["person"]
            holder = self.people.get(ref)
            message = _("No person has the slug “%(value)s”.")
            column = "person"
        if holder is None:
            errors.append(RowError(number, column, message % {"value": ref}))
        if errors or holder is None or category is None:
            self.errors += errors
            return None
        return _Row(number, holder, category, data)

    def _match(self, rows: list[_Row]) -> list[_Row]:
        """Find the recorded period each row updates; refuse two rows for one period."""
        seen: dict[tuple[HolderKey, Any], int] = {}
        matched = []
        for row in rows:
            key = (row.key, row.data["start"])
            if key in seen:
                message = _("Row %(other)d has the same holder and start date.") % {
                    "other": seen[key]
                }
                self.errors.append(RowError(row.number, "start", message))
                continue
            seen[key] = row.number
            existing = self.existing.get(row.key, [])
            row.instance = next((m for m in existing if m.start == row.data["start"]), None)
            matched.append(row)
        return matched

    def _check_periods(self, rows: list[_Row]) -> None:
        by_holder: dict[HolderKey, list[_Row]] = defaultdict(list)
        for row in rows:
            by_holder[row.key].append(row)
        for key, group in by_holder.items():
            replaced = {r.instance.pk for r in group if r.instance is not None}
            recorded = [
                (m.start, m.end) for m in self.existing.get(key, []) if m.pk not in replaced
            ]
            for index, row in enumerate(group):
                errors = self._period_errors(row, recorded, group[:index])
                if errors:
                    self.errors += errors
                else:
                    self._plan(row)

    def _period_errors(
        self, row: _Row, recorded: list[tuple[Any, Any]], earlier: list[_Row]
    ) -> list[RowError]:
        kind = row.holder.kind if isinstance(row.holder, Organisation) else None
        start, end = row.data["start"], row.data["end"]
        about_category = period_errors(
            category=row.category, holder_kind=kind, start=start, end=None, other_periods=()
        )
        every = period_errors(
            category=row.category, holder_kind=kind, start=start, end=end, other_periods=recorded
        )
        errors = [RowError(row.number, "category", m) for m in about_category]
        errors += [RowError(row.number, "start", m) for m in every if m not in about_category]
        for other in earlier:
            if overlaps(start, end, other.data["start"], other.data["end"]):
                message = _("It overlaps the membership in row %(other)d of this file.") % {
                    "other": other.number
                }
                errors.append(RowError(row.number, "start", message))
                break
        return errors

    def _values(self, row: _Row) -> dict[str, Any]:
        values = {"category_id": row.category.pk, "start": row.data["start"]}
        return values | {f: row.data[f] for f in PLAIN_FIELDS if f in self.columns}

    def _plan(self, row: _Row) -> None:
        values = self._values(row)
        if row.instance is not None:
            changed = any(getattr(row.instance, k) != v for k, v in values.items())
            row.action = UPDATE if changed else UNCHANGED
        self.rows.append(row)
        label = _("%(holder)s: %(category)s from %(start)s") % {
            "holder": row.holder,
            "category": row.category,
            "start": row.data["start"].isoformat(),
        }
        self.outcomes.append(RowOutcome(row.number, row.action, label))

    def apply(self, by: Actor) -> None:
        save_rows(
            (
                (row.instance or self._new_membership(row), self._values(row))
                for row in sorted(self.rows, key=lambda r: r.number)
                if row.action != UNCHANGED
            ),
            by,
        )

    @staticmethod
    def _new_membership(row: Any) -> Membership:
        return Membership(
            organisation=row.holder if isinstance(row.holder, Organisation) else None,
            person=row.holder if isinstance(row.holder, Person) else None,
        )


def memberships_import(*, data: bytes, by: Actor, dry_run: bool = False) -> ImportReport:
    """Create or update membership periods from CSV bytes: every row, or none if any is wrong."""
    return run_import(
        data,
        required=REQUIRED,
        optional=OPTIONAL,
        planner=MembershipPlan,
        by=by,
        dry_run=dry_run,
    )
