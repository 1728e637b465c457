"""Importing council budgets from CSV: one row per council and financial year, all or nothing.

A row is matched by the council (`la_code`) and `financial_year`; re-importing updates the amount
or source. The layout is in docs/importing.md ("Council budgets"). Once budgets are loaded, staff
set the coverage of `council-budgets` (coopnet.core.figures) so the headline shows their total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor
from coopnet.core.money import MoneyError, parse_money

from ..models import COUNCIL_KINDS, CouncilBudget, Organisation
from .base import (
    CREATE,
    UNCHANGED,
    UPDATE,
    ImportReport,
    RowForm,
    RowOutcome,
    form_errors,
    run_import,
    save_rows,
)
from .csvio import CsvTable, RowError

REQUIRED = ("la_code", "financial_year", "amount")
OPTIONAL = ("source",)
COLUMNS = REQUIRED + OPTIONAL
YEAR = re.compile(r"^(\d{4})(?:/(\d{2}))?$")


class BudgetRowForm(RowForm):
    la_code = forms.CharField(max_length=16)
    financial_year = forms.CharField(max_length=7)
    amount = forms.CharField(max_length=40)
    source = forms.CharField(max_length=300, required=False)

    def clean_financial_year(self) -> int:
        text = self.cleaned_data["financial_year"]
        m = YEAR.match(text)
        if m is None or (m.group(2) and int(m.group(2)) != (int(m.group(1)) + 1) % 100):
            raise forms.ValidationError(
                _("Write the financial year as 2022 or 2022/23 (April 2022 to March 2023).")
            )
        return int(m.group(1))

    def clean_amount(self) -> Decimal:
        try:
            return parse_money(self.cleaned_data["amount"])
        except MoneyError as exc:
            raise forms.ValidationError(str(exc)) from exc


@dataclass
class _Row:
    number: int
    organisation: Organisation
    year: int
    values: dict[str, Any]
    instance: CouncilBudget | None
    action: str = CREATE


class BudgetPlan:
    def __init__(self, table: CsvTable, lock: bool) -> None:
        self.errors: list[RowError] = []
        self.outcomes: list[RowOutcome] = []
        self.rows: list[_Row] = []
        self.columns = table.columns
        cleaned = []
        for row in table.rows:
            form = BudgetRowForm({c: row.values.get(c, "") for c in COLUMNS})
            if form.is_valid():
                cleaned.append((row.number, form.cleaned_data))
            else:
                self.errors += form_errors(form, row.number)
        codes = {d["la_code"].upper() for _n, d in cleaned}
        councils = {
            o.local_authority_id: o
            for o in Organisation.objects.filter(
                local_authority_id__in=codes, kind__in=COUNCIL_KINDS
            )
        }
        existing = {
            (b.organisation_id, b.financial_year): b
            for b in CouncilBudget.objects.filter(organisation__in=list(councils.values()))
        }
        seen: dict[tuple[int, int], int] = {}
        for number, data in cleaned:
            council = councils.get(data["la_code"].upper())
            if council is None:
                self.errors.append(
                    RowError(
                        number,
                        "la_code",
                        _("No member council in the registry has the code “%(code)s”.")
                        % {"code": data["la_code"]},
                    )
                )
                continue
            key = (council.pk, data["financial_year"])
            if key in seen:
                self.errors.append(
                    RowError(
                        number,
                        "financial_year",
                        _("Row %(row)d already gives this council's budget for this year.")
                        % {"row": seen[key]},
                    )
                )
                continue
            seen[key] = number
            values: dict[str, Any] = {"amount": data["amount"]}
            if "source" in self.columns:
                values["source"] = data["source"]
            instance = existing.get(key)
            planned = _Row(number, council, data["financial_year"], values, instance)
            if instance is not None:
                changed = any(getattr(instance, k) != v for k, v in values.items())
                planned.action = UPDATE if changed else UNCHANGED
            self.rows.append(planned)
            label = _("%(council)s: %(year)d/%(next)02d") % {
                "council": council,
                "year": planned.year,
                "next": (planned.year + 1) % 100,
            }
            self.outcomes.append(RowOutcome(number, planned.action, label))

    def apply(self, by: Actor) -> None:
        save_rows(
            (
                (
                    row.instance
                    or CouncilBudget(organisation=row.organisation, financial_year=row.year),
                    row.values,
                )
                for row in self.rows
                if row.action != UNCHANGED
            ),
            by,
        )


def budgets_import(*, data: bytes, by: Actor, dry_run: bool = False) -> ImportReport:
    """Create or update council budgets from CSV bytes: every row, or none if any is wrong."""
    return run_import(
        data, required=REQUIRED, optional=OPTIONAL, planner=BudgetPlan, by=by, dry_run=dry_run
    )
