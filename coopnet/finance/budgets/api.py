"""Budgets in the API: the list of budgets and each year's computed statement.

For finance staff and network admins only (signed in with a session); everyone else gets 403.
Amounts are strings with two decimal places, never floats.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from . import selectors
from .models import Budget
from .statement import as_data


class FinanceStaffReadOnly(BasePermission):
    """Finance staff and network admins may read; nobody may write here (405)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method or "")
        return bool(request.user and request.user.has_perm("budgets.manage_budgets"))


class BudgetListView(APIView):
    """Every budget, newest first, with its own year's totals and a link to its statement."""

    permission_classes = [FinanceStaffReadOnly]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        results = [
            {
                "year": s.budget.year,
                "label": s.budget.label,
                "income_total": str(s.income_total),
                "expenditure_total": str(s.expenditure_total),
                "reserve": str(s.budget.reserve),
                "balance": str(s.balance),
                "projection_to": s.budget.projection_to,
                "statement": reverse(
                    "api:budget-statement", kwargs={"year": s.budget.year}, request=request
                ),
            }
            for s in selectors.budget_summaries()
        ]
        return Response({"count": len(results), "results": results})


class BudgetStatementView(APIView):
    """The computed statement of a membership year (the year it starts in, e.g. 2021 for
    2021/22) and its projection: columns with their totals, and the rows as the statement shows
    them."""

    permission_classes = [FinanceStaffReadOnly]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, year: int) -> Response:
        try:
            statement = selectors.statement_for(year)
        except Budget.DoesNotExist as exc:
            raise Http404(_("There is no budget for that year.")) from exc
        return Response(as_data(statement))
