"""The budget statement as a section of the Review of the Year (`coopnet.core.reports`): the
same statement, rows and figures as the budget's own page and PDF."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.reports import REVIEW, Section, register_section

from . import selectors
from .models import Budget


def budget_section(year: int) -> Section | None:
    try:
        statement = selectors.statement_for(year)
    except Budget.DoesNotExist:
        return None
    first = statement.first
    return Section(
        context={"statement": statement},
        printed={
            "income": first.income_total,
            "expenditure": first.expenditure_total,
            "balance": first.balance,
            "rows": [f"{row.label}: {' | '.join(row.texts)}" for row in statement.rows],
        },
    )


def register() -> None:
    register_section(
        REVIEW,
        "budget",
        order=90,
        title=_("Budget statement"),
        build=budget_section,
        template="budgets/report_sections/budget.html",
    )
